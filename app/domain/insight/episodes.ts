// An episode is one student showing one misconception on one checkpoint: the
// tagged attempts, and whether (and when) a got-it followed the last of them
// (app/domain/recovery.ts, the one definition of recovery). The heatmap and the
// per-misconception figures both read episodes. Pure.
import { episodesOnPath } from "~/domain/recovery";
import type { Prepared, PreparedAttempt, PreparedPath } from "./prepare";

export interface Episode {
  misconceptionId: string;
  studentId: string;
  checkpointId: string;
  path: PreparedPath;
  /** The attempts that showed the misconception, in attempt order. */
  attempts: PreparedAttempt[];
  /** The first got-it after the last tagged attempt, or null (still holds it). */
  gotIt: PreparedAttempt | null;
}

export interface EpisodeIndex {
  all: Episode[];
  /** misconceptionId → episodes. */
  byMisconception: Map<string, Episode[]>;
  /** studentId → misconceptionId → episodes. */
  byStudent: Map<string, Map<string, Episode[]>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexEpisodes(prepared: Prepared): EpisodeIndex {
  const all: Episode[] = [];
  const byMisconception = new Map<string, Episode[]>();
  const byStudent = new Map<string, Map<string, Episode[]>>();
  for (const c of prepared.checkpointOrder) {
    for (const path of prepared.pathsByCheckpoint.get(c.id)!.values()) {
      if (!path.attempts.some((a) => a.misconceptionIds.length > 0)) continue;
      // Whether, and when, it was recovered: the app's one definition (app/domain/recovery.ts).
      for (const found of episodesOnPath(path.attempts)) {
        const episode: Episode = { ...found, studentId: path.studentId, path };
        all.push(episode);
        push(byMisconception, episode.misconceptionId, episode);
        let perStudent = byStudent.get(episode.studentId);
        if (!perStudent) {
          perStudent = new Map();
          byStudent.set(episode.studentId, perStudent);
        }
        push(perStudent, episode.misconceptionId, episode);
      }
    }
  }
  return { all, byMisconception, byStudent };
}

/** Milliseconds from the first "not yet" on the checkpoint to the got-it that resolved the episode. */
export function timeToRecover(episode: Episode): number | null {
  if (!episode.gotIt || episode.path.firstNotYet < 0) return null;
  const start = episode.path.attempts[episode.path.firstNotYet];
  return start.number < episode.gotIt.number ? episode.gotIt.at - start.at : null;
}
