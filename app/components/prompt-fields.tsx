import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { SelectField } from "~/components/form";
import { PROMPT_TRIGGERS, TRIGGER_LABELS } from "~/domain/reflection-templates";

/**
 * Where a reflection prompt shows (when, and beside which checkpoint), on the
 * page that adds prompts and the page that edits one. `checkpoints` are the
 * live ones, in order.
 */
export function PromptPlacementFields({
  fields,
  checkpoints,
}: {
  fields: { trigger: FieldMetadata<string>; checkpointId: FieldMetadata<string> };
  checkpoints: { id: string; title: string }[];
}) {
  return (
    <>
      <SelectField label="When students see it" errors={fields.trigger.errors} selectProps={getSelectProps(fields.trigger)}>
        {PROMPT_TRIGGERS.map((t) => (
          <option key={t} value={t}>
            {TRIGGER_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Checkpoint"
        hint="For prompts beside or after a checkpoint; left out for project prompts."
        errors={fields.checkpointId.errors}
        selectProps={getSelectProps(fields.checkpointId)}
      >
        <option value="">No checkpoint (project prompt)</option>
        {checkpoints.map((c, i) => (
          <option key={c.id} value={c.id}>
            {i + 1}. {c.title}
          </option>
        ))}
      </SelectField>
    </>
  );
}
