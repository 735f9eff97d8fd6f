import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { promptFromTemplateSchema, promptSchema, splitQuestions } from "~/schemas/prompt";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("prompt forms", () => {
  it("splits questions one per line", () => {
    expect(splitQuestions(" What happened?\r\n\n What next? \n")).toEqual(["What happened?", "What next?"]);
  });

  it("needs a checkpoint of the project for checkpoint prompts only", () => {
    const schema = promptSchema({ checkpointIds: ["c1"] });
    expect(parseWithZod(form({ title: "T", questions: "Q", trigger: "PROJECT", checkpointId: "c1" }), { schema }).status).toBe("success");
    const missing = parseWithZod(form({ title: "T", questions: "Q", trigger: "AFTER_NOT_YET" }), { schema });
    expect(missing.status === "error" && missing.error?.checkpointId?.[0]).toMatch(/Choose the checkpoint/);
    const foreign = parseWithZod(form({ title: "T", questions: "Q", trigger: "CHECKPOINT", checkpointId: "elsewhere" }), { schema });
    expect(foreign.status === "error" && foreign.error?.checkpointId?.[0]).toMatch(/this project's list/);
  });

  it("refuses empty questions, unknown triggers and unknown templates", () => {
    const s = parseWithZod(form({ title: "", questions: "\n\n", trigger: "SOMETIMES" }), { schema: promptSchema({ checkpointIds: [] }) });
    expect(s.status === "error" && Object.keys(s.error ?? {}).sort()).toEqual(["questions", "title", "trigger"]);
    const t = parseWithZod(form({ templateKey: "nope", trigger: "PROJECT" }), { schema: promptFromTemplateSchema({ checkpointIds: [] }) });
    expect(t.status === "error" && t.error?.templateKey?.[0]).toMatch(/template/);
  });
});
