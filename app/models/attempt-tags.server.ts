// A teacher's corrections of the misconceptions tagged to attempts. A teacher
// decision is an AttemptMisconception row with source TEACHER: adding a tag
// upserts it active; removing one updates the existing row (machine or not)
// to active=false, so the record is kept and the machine's own rule can never
// bring the tag back (see prepare.ts: teacher rows win). The machine never
// writes over TEACHER rows.
import { prisma } from "~/db.server";
import { parseSpec } from "~/domain/checkpoint-spec";
import { impliedMisconceptions } from "~/domain/insight/prepare";

export interface TagCorrection {
  teacherId: string;
  projectId: string;
  attemptId: string;
  misconceptionId: string;
  /** true: the attempt shows this misconception; false: it does not. */
  active: boolean;
}

export type TagCorrectionResult =
  | { ok: true; status: "added" | "removed"; changed: boolean; misconceptionName: string }
  | { ok: false; reason: "attempt" | "misconception" };

/**
 * Sets (active) or removes (inactive) a misconception on an attempt as the
 * teacher's decision. Both the attempt and the misconception must belong to a
 * project of this teacher (checked in the queries' where); otherwise nothing
 * is written. `changed` says whether the attempt's tags read differently now.
 */
export async function setAttemptMisconception(input: TagCorrection): Promise<TagCorrectionResult> {
  const { teacherId, projectId, attemptId, misconceptionId, active } = input;
  const ownProject = { id: projectId, classroom: { teacherId } };
  const [attempt, misconception] = await Promise.all([
    prisma.attempt.findFirst({
      where: { id: attemptId, checkpoint: { projectId, project: ownProject } },
      select: {
        id: true,
        answer: true,
        outcome: true,
        checkpointVersion: { select: { spec: true } },
        reviews: { select: { role: true, verdict: true, createdAt: true } },
        misconceptions: { where: { misconceptionId }, select: { id: true, source: true, active: true } },
      },
    }),
    prisma.misconception.findFirst({ where: { id: misconceptionId, projectId, project: ownProject }, select: { id: true, name: true } }),
  ]);
  if (!attempt) return { ok: false, reason: "attempt" };
  if (!misconception) return { ok: false, reason: "misconception" };

  const before = shownBefore(attempt, misconception.id);
  await prisma.attemptMisconception.upsert({
    where: { attemptId_misconceptionId: { attemptId: attempt.id, misconceptionId: misconception.id } },
    create: { attemptId: attempt.id, misconceptionId: misconception.id, source: "TEACHER", active, setById: teacherId },
    update: { source: "TEACHER", active, setById: teacherId },
  });
  return { ok: true, status: active ? "added" : "removed", changed: before !== active, misconceptionName: misconception.name };
}

type AttemptForTag = {
  answer: string;
  outcome: string | null;
  checkpointVersion: { spec: string };
  reviews: { role: string; verdict: string; createdAt: Date }[];
  misconceptions: { source: string; active: boolean }[];
};

/** Whether the attempt showed the misconception before the change: its row, else the answer's own rule. */
function shownBefore(attempt: AttemptForTag, misconceptionId: string): boolean {
  const row = attempt.misconceptions[0];
  if (row) return row.active;
  const outcome = attempt.outcome ?? latestVerdict(attempt.reviews);
  if (outcome === "GOT_IT") return false;
  try {
    return impliedMisconceptions(parseSpec(attempt.checkpointVersion.spec), attempt.answer).includes(misconceptionId);
  } catch {
    return false;
  }
}

function latestVerdict(reviews: AttemptForTag["reviews"]): string | null {
  const pick = (role: string) => reviews.filter((r) => r.role === role).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return (pick("TEACHER") ?? pick("SELF"))?.verdict ?? null;
}
