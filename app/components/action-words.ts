// The words the teacher reads after a command on answer groups or tags: the
// models return what happened (result objects), the pages say it with these.
// Pure; shared by the per-checkpoint insight page and the attempts drill-down.
import type { GroupActionResult } from "~/models/answer-groups.server";
import type { TagCorrectionResult } from "~/models/attempt-tags.server";
import { plural } from "~/domain/words";

function keptNote(keptTeacher: number) {
  return keptTeacher ? ` ${keptTeacher === 1 ? "One answer keeps" : `${keptTeacher} answers keep`} the decision you made about it yourself.` : "";
}

/** The message for a command's result: what was done, or why nothing was. */
export function actionMessage(result: GroupActionResult | TagCorrectionResult): string {
  if (!result.ok) {
    switch (result.reason) {
      case "group-changed":
        return "That group has changed since the page loaded (new answers arrive all the time). Look at the groups again and retry.";
      case "not-named":
        return "This group isn't named as a misconception.";
      case "too-few-groups":
        return "Choose at least two groups to merge.";
      case "different-misconceptions":
        return `These groups are named as different misconceptions (${result.misconceptions.map((m) => `“${m}”`).join(", ")}). Unlink or rename one of them first, so it is clear which misconception the merged group shows.`;
      case "name-taken":
        return `This project already has a misconception called “${result.name}”. Choose it from the list, or give the new one another name.`;
      case "misconception-not-in-project":
        return "Choose a misconception from this project's list.";
      case "attempt-not-in-project":
        return "We couldn't find that attempt in this project.";
      case "answer-not-on-checkpoint":
        return "We couldn't find that answer on this checkpoint.";
      case "answer-not-in-group":
        return "That answer is no longer in this group. Look at the groups again.";
      case "answer-held-elsewhere":
        return "That answer is already in another group you kept. Move it out of that group first.";
      case "answer-in-group-now":
        return "That answer is in this group now. Use “Move out of this group” instead.";
    }
  }
  const done = result.done;
  switch (done.kind) {
    case "tag-set":
      return done.active ? `The answer now shows “${done.misconception}”.` : `“${done.misconception}” is off the answer. The machine won't put it back.`;
    case "named":
      return `Named the group as “${done.misconception}”: its ${plural(done.size, "answer")} now show this misconception, and new answers close to them will too.${keptNote(done.keptTeacher)}`;
    case "merged":
      return `Merged ${done.groups} groups into “${done.label}” (${plural(done.size, "answer")}).${keptNote(done.keptTeacher)}`;
    case "moved-out":
      return `Moved the answer out of “${done.label}”. It won't be put back in this group${done.misconception ? `, and it no longer shows “${done.misconception}”` : ""}.`;
    case "moved-out-rest-kept":
      return `Moved the answer out. The rest of the group is now kept as you left it, as “${done.label}” — rename it or name it as a misconception when you're ready.`;
    case "renamed":
      return `Renamed the group “${done.label}”.`;
    case "kept":
      return `Kept the group as “${done.label}”.`;
    case "unlinked":
      return `“${done.label}” is no longer linked to “${done.misconception ?? "its misconception"}”. Its answers stay together; tags you set yourself stay.`;
    case "dissolved":
      return `Ungrouped “${done.label}”: its answers are back among the suggested groups. Tags you set yourself stay.`;
    case "suggestions-added": {
      const one = done.added === 1;
      const shown = done.misconception ? ` and ${one ? "shows" : "show"} “${done.misconception}”` : "";
      const elsewhere = done.elsewhere ? ` ${done.elsewhere === 1 ? "One answer stays" : `${done.elsewhere} answers stay`} in the other group you kept.` : "";
      return `Added ${plural(done.added, "answer")} to “${done.label}”: ${one ? "it is" : "they are"} now in the group${shown}.${elsewhere}${keptNote(done.keptTeacher)}`;
    }
    case "suggestion-rejected":
      return `Noted: that answer won't be suggested for “${done.label}” again.`;
  }
}

// ---------------------------------------------------------------------------
// The class failure session (decision 019)

/** Why a student's post, note or reaction was not taken. */
export function studentSessionRefusal(reason: "no-session" | "time-up" | "closed" | "post-not-found" | "own-post" | "not-found"): string {
  switch (reason) {
    case "no-session":
      return "There's no failure session open in this project right now. Your text is still here.";
    case "time-up":
      return "Time's up for new posts in this session. Your text is still here: copy it into your journal if you want to keep it.";
    case "closed":
      return "This session is closed, so it takes nothing new.";
    case "post-not-found":
      return "That post is no longer on the board.";
    case "own-post":
      return "That's your own post: notes and reactions are for classmates' posts.";
    case "not-found":
      return "We couldn't find that among your posts and notes. Reload the page and look again.";
  }
}

/** What the teacher reads after releasing or declining posts and notes. */
export function moderationMessage(result: { ok: true; decision: "release" | "decline"; posts: number; notes: number } | { ok: false; reason: "nothing-chosen" | "nothing-to-moderate" }): string {
  if (!result.ok) {
    return result.reason === "nothing-chosen"
      ? "Tick the posts and notes to release or decline first."
      : "Those are no longer waiting: their authors may have withdrawn them. Look at the queue again.";
  }
  const what = [result.posts ? plural(result.posts, "post") : null, result.notes ? plural(result.notes, "note") : null].filter(Boolean).join(" and ");
  return result.decision === "release"
    ? `Released ${what} to the board, together, in a random order.`
    : `Kept ${what} off the board. ${result.posts + result.notes === 1 ? "Its author still sees it" : "Their authors still see them"}, marked as kept off.`;
}

/** Why an LMS service call (roster or gradebook, decision 023) did not work, in words for the teacher; nothing in Rebound changed. */
export function lmsServiceFailure(what: "roster" | "gradebook", failure: { reason: "unreachable" | "refused" | "unreadable"; status?: number; detail: string }): string {
  const named = what === "roster" ? "the course roster" : "the gradebook";
  switch (failure.reason) {
    case "unreachable":
      return `The LMS did not answer when Rebound asked for ${named} (${failure.detail}). Nothing was changed; try again in a few minutes.`;
    case "refused": {
      const hint =
        failure.status === 401 || failure.status === 403 || failure.status === 400
          ? ` Your school's LMS administrator may need to allow Rebound access to ${named} in the LMS's settings for this tool.`
          : "";
      return `The LMS refused Rebound's request for ${named} (${[failure.status, failure.detail].filter(Boolean).join(" ")}).${hint}`;
    }
    case "unreadable":
      return `The LMS answered, but not in a form Rebound could read for ${named} (${failure.detail}). Nothing was changed.`;
  }
}
