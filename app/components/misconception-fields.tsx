import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Field, TextareaField } from "~/components/form";

/** The fields of a misconception (name, description, next step), on the page that adds one and the page that edits it. */
export function MisconceptionFields({
  fields,
}: {
  fields: { name: FieldMetadata<string>; description: FieldMetadata<string>; nextStep: FieldMetadata<string> };
}) {
  return (
    <>
      <Field label="Name" hint="Short, and in words students would recognise." errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      <TextareaField
        label="Description (optional)"
        hint="What the idea is, for you and for students."
        errors={fields.description.errors}
        textareaProps={getTextareaProps(fields.description)}
      />
      <TextareaField
        label="Suggested next step (optional)"
        hint="Shown to a student whose answer shows this idea."
        errors={fields.nextStep.errors}
        textareaProps={getTextareaProps(fields.nextStep)}
      />
    </>
  );
}
