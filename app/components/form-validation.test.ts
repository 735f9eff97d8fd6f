import { describe, expect, it } from "vitest";
import { checkpointFormSchema } from "~/schemas/checkpoint";
import { classroomNameSchema } from "~/schemas/classroom";
import { journalEntrySchema } from "~/schemas/journal";
import { validateWith } from "./form-validation";

describe("validateWith", () => {
  it("gives every form the same timing: first on leaving a field, then on each keystroke", () => {
    const v = validateWith(classroomNameSchema);
    expect([v.shouldValidate, v.shouldRevalidate]).toEqual(["onBlur", "onInput"]);
    expect(validateWith(classroomNameSchema, "onSubmit").shouldRevalidate).toBe("onInput");
  });

  it("passes the schema's length limits to the fields by Conform's names, lists and unions included", () => {
    expect(validateWith(classroomNameSchema).constraint).toEqual({ name: { maxLength: 100 } });
    expect(validateWith(journalEntrySchema).constraint["answers[]"]).toEqual({ maxLength: 5000 });
    const editor = validateWith(checkpointFormSchema("MULTIPLE_CHOICE", { misconceptionIds: [] })).constraint;
    expect(editor["options[].text"]).toEqual({ maxLength: 500 });
    expect(editor.title).toEqual({ maxLength: 200 });
  });

  it("answers a validate request in the browser instead of letting it post", () => {
    const formData = new FormData();
    formData.set("__intent__", JSON.stringify({ type: "validate", payload: { name: "name" } }));
    formData.set("name", "Physics 9B");
    const submission = validateWith(classroomNameSchema).onValidate({ formData });
    expect(submission.status).not.toBe("success");
  });
});
