// Whether recoveries last, per misconception (app/domain/recovery.ts, the one
// definition): how many students recovered, showed it again later on another
// checkpoint, or are still working on it; and, for checkpoints the teacher
// marked as re-checks, how the students who had recovered did there. Pure.
import { misconceptionRecovery, recheckResult, type RecheckResult, type RecoveryState } from "~/domain/recovery";
import type { EpisodeIndex } from "./episodes";
import type { Prepared } from "./prepare";

export interface RecheckSummary {
  checkpointId: string;
  /** Students who had recovered before their first attempt on the re-check, by how it went. */
  results: Record<RecheckResult, number>;
  /** Students who had recovered before and answered the re-check. */
  students: number;
}

export interface LastingRecovery {
  misconceptionId: string;
  name: string;
  /** Students who showed it. */
  students: number;
  states: Record<RecoveryState, number>;
  /** Of those who relapsed, recovered again everywhere it showed since. */
  recoveredAgain: number;
  /** Checkpoints marked as a re-check of it, in project order. */
  rechecks: RecheckSummary[];
}

export function lastingRecovery(prepared: Prepared, episodes: EpisodeIndex): LastingRecovery[] {
  const rechecksOf = new Map<string, string[]>();
  for (const c of prepared.checkpointOrder) {
    for (const m of prepared.rechecks.get(c.id) ?? []) rechecksOf.set(m, [...(rechecksOf.get(m) ?? []), c.id]);
  }
  const result: LastingRecovery[] = [];
  for (const m of prepared.misconceptions.values()) {
    const states: Record<RecoveryState, number> = { recovered: 0, relapsed: 0, "still-working": 0 };
    let recoveredAgain = 0;
    const recoveries = new Map<string, ReturnType<typeof misconceptionRecovery>>();
    for (const [studentId, perStudent] of episodes.byStudent) {
      const r = misconceptionRecovery(perStudent.get(m.id) ?? []);
      if (!r) continue;
      recoveries.set(studentId, r);
      states[r.state]++;
      if (r.recoveredAgain) recoveredAgain++;
    }
    const rechecks = (rechecksOf.get(m.id) ?? []).map((checkpointId): RecheckSummary => {
      const results: Record<RecheckResult, number> = { held: 0, "showed-again": 0, "not-yet": 0, waiting: 0 };
      let students = 0;
      for (const [studentId, path] of prepared.pathsByCheckpoint.get(checkpointId) ?? []) {
        const r = recheckResult(recoveries.get(studentId) ?? null, checkpointId, path.attempts);
        if (!r) continue;
        results[r]++;
        students++;
      }
      return { checkpointId, results, students };
    });
    if (recoveries.size === 0 && rechecks.length === 0) continue;
    result.push({ misconceptionId: m.id, name: m.name, students: recoveries.size, states, recoveredAgain, rechecks });
  }
  return result.sort(
    (a, b) => b.students - a.students || prepared.misconceptionRank.get(a.misconceptionId)! - prepared.misconceptionRank.get(b.misconceptionId)!,
  );
}
