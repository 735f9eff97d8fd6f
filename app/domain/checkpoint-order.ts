// Ordering a project's checkpoints. Pure.

export type MoveDirection = "up" | "down";

/**
 * The ids in their new order after moving one up or down by one place, or null
 * when it cannot move (unknown id, already first or last).
 */
export function moveInOrder(ids: string[], id: string, direction: MoveDirection): string[] | null {
  const index = ids.indexOf(id);
  if (index === -1) return null;
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Positions 1..n for ids in order, only for the ids whose position changes. */
export function positionUpdates(ordered: { id: string; position: number }[]): { id: string; position: number }[] {
  return ordered.map((item, i) => ({ id: item.id, position: i + 1, changed: item.position !== i + 1 })).filter((u) => u.changed).map(({ id, position }) => ({ id, position }));
}

/** The position for a checkpoint added (or restored) at the end. */
export function nextPosition(positions: number[]): number {
  return positions.length === 0 ? 1 : Math.max(...positions) + 1;
}
