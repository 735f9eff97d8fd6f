// How a stored answer reads to people, against the checkpoint version it answered. Pure.
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { storedAnswer } from "~/domain/grading";

/** A readable form of a stored answer: option texts, the number as typed, or the text. */
export function describeAnswer(spec: CheckpointSpec, stored: string): string {
  const parsed = storedAnswer(spec, stored);
  if (!parsed.ok) return stored;
  if (parsed.kind === "MULTIPLE_CHOICE" && spec.kind === "MULTIPLE_CHOICE") {
    const texts = parsed.optionIds.map((id) => spec.options.find((o) => o.id === id)?.text ?? "(an option that was later removed)");
    return texts.join("; ");
  }
  if (parsed.kind === "NUMERIC" && spec.kind === "NUMERIC") {
    return spec.unit && !stored.toLowerCase().includes(spec.unit.toLowerCase()) ? `${stored} ${spec.unit}` : stored;
  }
  return stored;
}
