// Feedback written once for a group of students (decision 018): who is in the
// group, who receives it, and how each receipt reads to the teacher. Pure; the
// reading and writing is app/models/group-feedback.server.ts.

/** A target as the teacher's page names it in its address. */
export type TargetRef =
  | { kind: "ANSWER_GROUP"; answerGroupId: string }
  | { kind: "MISCONCEPTION"; misconceptionId: string }
  | { kind: "OPTION"; checkpointId: string; optionId: string };

const ID_MAX = 100;
const clean = (v: string | null | undefined) => {
  const s = (v ?? "").trim();
  return s && s.length <= ID_MAX ? s : null;
};

/** Reads a target from a query or form: `group=…`, `misconception=…`, or `checkpoint=…&option=…`; null when none is whole. */
export function readTargetRef(get: (name: string) => string | null): TargetRef | null {
  const group = clean(get("group"));
  if (group) return { kind: "ANSWER_GROUP", answerGroupId: group };
  const misconception = clean(get("misconception"));
  if (misconception) return { kind: "MISCONCEPTION", misconceptionId: misconception };
  const checkpoint = clean(get("checkpoint"));
  const option = clean(get("option"));
  if (checkpoint && option) return { kind: "OPTION", checkpointId: checkpoint, optionId: option };
  return null;
}

/** The query (or hidden fields) that names a target; the inverse of readTargetRef. */
export function targetQuery(target: TargetRef): Record<string, string> {
  switch (target.kind) {
    case "ANSWER_GROUP":
      return { group: target.answerGroupId };
    case "MISCONCEPTION":
      return { misconception: target.misconceptionId };
    case "OPTION":
      return { checkpoint: target.checkpointId, option: target.optionId };
  }
}

/** Whom the feedback is for, in the teacher's words ("everyone whose answer shows …"). */
export function describeTarget(kind: string, label: string, checkpointTitle?: string | null): string {
  const on = checkpointTitle ? ` on “${checkpointTitle}”` : "";
  switch (kind) {
    case "ANSWER_GROUP":
      return `everyone whose answer is in the group “${label}”${on}`;
    case "MISCONCEPTION":
      return `everyone whose answer shows “${label}”`;
    default:
      return `everyone who chose “${label}”${on}`;
  }
}

/** Why the feedback reached this student, in the student's words (shown with the comment; no one else is named). */
export function describeForStudent(kind: string): string {
  switch (kind) {
    case "ANSWER_GROUP":
      return "Your teacher wrote this for everyone whose answer was like yours.";
    case "MISCONCEPTION":
      return "Your teacher wrote this for everyone whose answer showed the same idea.";
    default:
      return "Your teacher wrote this for everyone who chose the same option.";
  }
}

/** An attempt that puts its student in the group. */
export interface MemberAttempt {
  attemptId: string;
  studentId: string;
  /** When the attempt was made: the latest one of a student carries the comment. */
  createdAt: Date;
  number: number;
}

export interface Delivery {
  studentId: string;
  attemptId: string;
}

/**
 * Who receives the feedback now: one comment per student, on their latest
 * attempt in the group. A student who already has it is left out (it reaches
 * each student once; an edit reaches them as a new version). After the first
 * delivery, students who joined later receive it only while `reachLater` is on.
 */
export function planDeliveries(members: MemberAttempt[], received: ReadonlySet<string>, options: { first: boolean; reachLater: boolean }): Delivery[] {
  if (!options.first && !options.reachLater) return [];
  const latest = new Map<string, MemberAttempt>();
  for (const m of members) {
    if (received.has(m.studentId)) continue;
    const seen = latest.get(m.studentId);
    if (!seen || m.createdAt > seen.createdAt || (m.createdAt.getTime() === seen.createdAt.getTime() && m.number > seen.number)) latest.set(m.studentId, m);
  }
  return [...latest.values()].map((m) => ({ studentId: m.studentId, attemptId: m.attemptId }));
}

/** Whether an answer as stored (a JSON array of option ids) chose the option. */
export function choseOption(answer: string, optionId: string): boolean {
  try {
    const parsed: unknown = JSON.parse(answer);
    return Array.isArray(parsed) && parsed.includes(optionId);
  } catch {
    return false;
  }
}

export type ReceiptState = "not-opened" | "opened" | "edited-since-opened";

/** How one student's copy stands: not opened yet, opened, or changed by an edit after they opened it. */
export function receiptState(receipt: { firstReadAt: Date | null; latestVersionAt: Date }): ReceiptState {
  if (!receipt.firstReadAt) return "not-opened";
  return receipt.latestVersionAt > receipt.firstReadAt ? "edited-since-opened" : "opened";
}

export const RECEIPT_WORDS: Record<ReceiptState, string> = {
  "not-opened": "Not opened yet",
  opened: "Opened",
  "edited-since-opened": "Opened before your latest edit",
};

/** The figures above the list of receipts. */
export function receiptSummary(states: ReceiptState[]): { received: number; opened: number; notOpened: number } {
  const opened = states.filter((s) => s !== "not-opened").length;
  return { received: states.length, opened, notOpened: states.length - opened };
}
