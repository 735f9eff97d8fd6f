import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { $ZodType } from "zod/v4/core";

/**
 * How every form validates in the browser, with the same Zod schema the action
 * uses. A field is first checked when the user leaves it (or on submit), then
 * on every keystroke once it has been checked, so a message clears while the
 * user fixes the field. Waiting for the blur instead made the message vanish
 * between mousedown and mouseup on the submit button: the button moved up and
 * the first click after a correction was lost.
 *
 * The browser never posts a validation request: Conform's own control field
 * (`__intent__`) stays in the data given to Zod, so a "validate" intent is
 * answered here and the submission is only let through when it is a real one.
 *
 * The schema's length limits reach the fields as `maxLength` (inputs set the
 * attribute; text areas show a live count, see TextareaField). Other
 * constraints stay with Zod, so a form without JavaScript still gets the
 * server's own messages rather than the browser's.
 */
export function validateWith<Schema extends $ZodType>(
  schema: Schema,
  firstOn: "onBlur" | "onSubmit" = "onBlur",
) {
  return {
    constraint: lengthLimits(schema),
    shouldValidate: firstOn,
    shouldRevalidate: "onInput" as const,
    onValidate: ({ formData }: { formData: FormData }) => parseWithZod(formData, { schema }),
  };
}

/**
 * Each field's `maxLength`, by Conform's field name (`answers[]`,
 * `options[].text`), read from the schema's JSON Schema: Conform's own
 * getZodConstraint no longer sees string limits in Zod 4.6.
 */
function lengthLimits(schema: $ZodType) {
  const known = limitsBySchema.get(schema);
  if (known) return known;
  const limits: Record<string, { maxLength: number }> = {};
  for (const [name, maxLength] of Object.entries(textFields(schema))) if (maxLength !== null) limits[name] = { maxLength };
  limitsBySchema.set(schema, limits);
  return limits;
}

/**
 * Every free-text field of a form schema (strings that are not a fixed choice),
 * by Conform's field name, with its most characters, or null where the schema
 * sets none. The limits table of decision 008 is checked against this.
 */
export function textFields(schema: $ZodType): Record<string, number | null> {
  const fields: Record<string, number | null> = {};
  const visit = (node: JsonSchemaNode | undefined, name: string) => {
    if (!node) return;
    if (name && node.type === "string" && !node.enum && node.const === undefined) {
      fields[name] = typeof node.maxLength === "number" ? Math.min(node.maxLength, fields[name] ?? Infinity) : (fields[name] ?? null);
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, name ? `${name}.${key}` : key);
    if (node.items) visit(node.items, `${name}[]`);
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) visit(branch, name);
  };
  visit(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode, "");
  return fields;
}

const limitsBySchema = new WeakMap<$ZodType, Record<string, { maxLength: number }>>();

type JsonSchemaNode = {
  type?: string;
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
};
