// The product's words for stored codes, one wording each, shared by every page
// that shows them (the teacher reads them; "you" is the teacher, unless a
// wording says it is the student's). Pure.
import type { ActionStatus, OwnItemStatus, ReactionKind } from "~/domain/failure-session";
import type { FollowUpResult, PlanStatus } from "~/domain/plans";
import type { RecheckResult, RecoveryState } from "~/domain/recovery";
/** Where a misconception tag on an attempt came from (AttemptMisconception.source, or the answer's own rule), for a checkpoint of this kind. */
export function tagSourceLabel(source: string, kind?: string): string {
  switch (source) {
    case "TEACHER":
      return "set by you";
    case "CLUSTER":
      return "from a group of similar answers";
    default:
      return kind === "MULTIPLE_CHOICE" ? "from the option chosen" : kind === "NUMERIC" ? "from the value given" : "from the answer";
  }
}

/**
 * What a page says when what it was asked for is not there, or not the user's
 * to see (it does not say which): a 404 for a page, a message for a form.
 */
/** How someone came to teach a class (ClassTeacher.source, decision 021), as the teachers' page says it. */
export const CLASS_TEACHER_SOURCE_WORDS = {
  CREATED: "made the class",
  INVITE: "joined with an invitation code",
  HANDOVER: "took the class over",
  ROSTER: "added from a school roster",
  LTI: "added from the school's LMS",
} as const;

export const NOT_FOUND = {
  teacherProject: "We couldn't find that project among yours.",
  studentProject: "We couldn't find that project in your classes.",
  classroom: "We couldn't find that class among yours.",
  checkpoint: "We couldn't find that checkpoint in this project.",
  misconception: "We couldn't find that misconception in this project.",
  reflectionPrompt: "We couldn't find that reflection prompt in this project.",
  student: "We couldn't find that student in this class.",
  ownAttempt: "We couldn't find that attempt among yours. Reload the page and try again.",
  groupFeedback: "We couldn't find that group feedback in this project.",
  feedbackTarget: "We couldn't find that group, misconception or option in this project. It may have been merged, ungrouped or deleted.",
  goal: "We couldn't find that learning goal. Reload the page and try again.",
} as const;

/** What a comment, mark or group shows in place of a teacher who deleted their account (decision 012). */
export const FORMER_TEACHER = "A former teacher";

/** The name of a teacher who wrote, marked or confirmed something; "A former teacher" once their account is gone. */
export function teacherName(person: { name: string } | null | undefined): string {
  return person?.name ?? FORMER_TEACHER;
}

/** How a plan went, in the student's words: the follow-up buttons, and what the student said (decision 017). */
export const FOLLOW_UP_WORDS: Record<FollowUpResult, { button: string; said: string; short: string }> = {
  HELPED: { button: "I tried it: it helped", said: "You tried it, and it helped.", short: "tried it: it helped" },
  DIDNT_HELP: { button: "I tried it: it didn't help", said: "You tried it. It didn't help this time, and that's worth knowing too.", short: "tried it: it didn't help" },
  DIDNT_TRY: { button: "I didn't try it", said: "You didn't try it this time.", short: "didn't try it" },
};

/** Where a plan stands, for the student. */
export function planStatusWords(status: PlanStatus, checkpointTitle: string | null): string {
  if (status === "waiting") return checkpointTitle ? `Waiting for your next attempt on ${checkpointTitle}.` : "Waiting for your next attempt on a checkpoint.";
  if (status === "to-follow-up") return "You've made that attempt: say how the plan went.";
  return FOLLOW_UP_WORDS[status].said;
}

/** A student's recovery from one misconception (app/domain/recovery.ts), for the teacher. */
export const RECOVERY_STATE_LABELS: Record<RecoveryState, string> = {
  recovered: "recovered",
  relapsed: "showed it again later",
  "still-working": "still working on it",
};

/** How a re-check went for a student who had recovered (app/domain/recovery.ts), for the teacher. */
export const RECHECK_RESULT_LABELS: Record<RecheckResult, string> = {
  held: "held: got the re-check on the first try",
  "showed-again": "showed it again on the re-check",
  "not-yet": "“not yet” on the re-check, for another reason",
  waiting: "re-check answer waiting for a check",
};

/** The supportive reactions of a failure session (decision 019), as their buttons say them. */
export const REACTION_WORDS: Record<ReactionKind, string> = {
  ME_TOO: "Me too",
  THANKS: "Thanks for sharing",
  HELPS: "That helps me",
};

/** Where a student's own post or note in a failure session stands, in the student's words. */
export const OWN_ITEM_WORDS: Record<OwnItemStatus, string> = {
  PENDING: "Waiting for your teacher",
  RELEASED: "On the board",
  DECLINED: "Kept off the board by your teacher (it's still here, for you)",
  WITHDRAWN: "Withdrawn: only you can see it",
};

/** An agreed action's mark, from the next project. */
export const ACTION_STATUS_WORDS: Record<ActionStatus | "UNMARKED", string> = {
  DONE: "Done",
  NOT_DONE: "Not yet done",
  UNMARKED: "Not checked yet",
};

/**
 * What a person sees when an LMS launch or login is refused (decision 023):
 * what happened, in plain words, and what to do. Keyed by the models' reason codes.
 */
export const LTI_REFUSAL_WORDS: Record<string, string> = {
  missing: "This address is for your school's LMS: it opens Rebound from a course. Open Rebound from the link in your course instead.",
  "unknown-platform": "Rebound doesn't know this LMS yet. Ask whoever runs Rebound at your school to register it.",
  "ambiguous-platform": "Rebound knows this LMS under more than one client id and can't tell which one this is. Ask whoever runs Rebound to check the registration.",
  "foreign-target": "The LMS asked to open an address that isn't Rebound's. Ask whoever set up the link in the LMS to check it.",
  "missing-state": "We couldn't match this launch to a sign-in that Rebound started. Open Rebound again from your course.",
  "unknown-state": "This launch has already been used or took too long. Open Rebound again from your course.",
  "other-browser":
    "Your browser didn't send back what Rebound set when the launch began, often because it blocks cookies inside other sites. Open Rebound again from your course, in a new window if the LMS offers one.",
  "missing-token": "The LMS didn't send its signed message. Open Rebound again from your course.",
  "bad-signature": "The LMS's signed message didn't match its keys, so Rebound didn't accept it. Open Rebound again from your course; if it keeps happening, ask whoever runs Rebound to check the LMS registration.",
  "wrong-issuer": "This launch came from a different LMS than the one that started it. Open Rebound again from your course.",
  "wrong-audience": "This launch was meant for another tool, not Rebound. Ask whoever set up the link in the LMS to check it.",
  expired: "This launch took too long to arrive (or the clocks disagree). Open Rebound again from your course.",
  "wrong-nonce": "This launch doesn't belong to the sign-in that Rebound started. Open Rebound again from your course.",
  replayed: "This launch was used already, so Rebound didn't accept it again. Open Rebound again from your course.",
  "unknown-deployment": "This LMS deployment isn't registered with Rebound. Ask whoever runs Rebound to add its deployment id.",
  "unsupported-message": "Rebound can't open this kind of LMS request. Open Rebound from a course link instead.",
  "no-role": "Your LMS didn't say whether you teach or learn in this course, so Rebound can't open it for you. Ask your teacher or the LMS's administrator.",
  "no-context": "This link isn't inside a course, so Rebound doesn't know which class to open. Open it from a course.",
  "no-class-yet": "Your teacher hasn't opened Rebound from this course yet, so there is no class to join. Try again after they have.",
  "not-enrolled": "You can't join this class from here. Ask your teacher.",
  "role-mismatch":
    "Your Rebound account from this LMS has a different role (teacher or student) from the one this course gives you, so it stays as it is. Ask whoever runs Rebound at your school.",
  "not-teacher": "Only a course's teachers can place a Rebound project in it.",
  "no-return-address": "The LMS asked to place a Rebound project but didn't say where to send the choice back. Try adding the activity again; if it keeps happening, ask whoever runs the LMS.",
  "links-not-accepted": "The LMS asked for content that isn't a link, and a Rebound project is placed as a link. Add Rebound where the LMS accepts links (an activity or assignment).",
};
