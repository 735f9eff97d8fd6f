import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { checkpointFormSchema, toCheckpointInput } from "~/schemas/checkpoint";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const choice = checkpointFormSchema("MULTIPLE_CHOICE", { misconceptionIds: ["m1"] });
const numeric = checkpointFormSchema("NUMERIC", { misconceptionIds: ["m1"] });

describe("multiple-choice form", () => {
  it("accepts options with blank spare rows and reads the attempt limit", () => {
    const s = parseWithZod(
      form({ title: "T", prompt: "P", maxAttempts: "3", "options[0].text": "A", "options[0].correct": "on", "options[1].text": "B", "options[1].misconceptionId": "m1", "options[2].text": "" }),
      { schema: choice },
    );
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    const input = toCheckpointInput("MULTIPLE_CHOICE", s.value);
    expect(input.maxAttempts).toBe(3);
    expect(input.content).toMatchObject({ kind: "MULTIPLE_CHOICE", options: [{ text: "A", correct: true }, { text: "B", misconceptionId: "m1" }, {}] });
  });

  it("explains what is missing, per field", () => {
    const s = parseWithZod(
      form({ title: "", prompt: "P", maxAttempts: "two", "options[0].text": "A", "options[1].feedback": "only feedback", "options[2].text": "C", "options[2].misconceptionId": "other-project" }),
      { schema: choice },
    );
    expect(s.status).toBe("error");
    const error = s.status === "error" ? s.error : {};
    expect(error?.title).toEqual(["Give the checkpoint a title."]);
    expect(error?.maxAttempts?.[0]).toMatch(/whole number from 1 to 100/);
    expect(error?.["options[1].text"]?.[0]).toMatch(/Write this option's text/);
    expect(error?.["options[2].misconceptionId"]?.[0]).toMatch(/this project's list/);
  });

  it("needs two options and a correct one, and different texts", () => {
    const one = parseWithZod(form({ title: "T", prompt: "P", "options[0].text": "A", "options[0].correct": "on" }), { schema: choice });
    expect(one.status === "error" && one.error?.options).toEqual(["Give at least two options."]);
    const none = parseWithZod(form({ title: "T", prompt: "P", "options[0].text": "A", "options[1].text": " a " }), { schema: choice });
    expect(none.status === "error" && none.error?.options).toEqual(["Mark at least one option as correct."]);
    expect(none.status === "error" && none.error?.["options[1].text"]?.[0]).toMatch(/same as option 1/);
    const missing = parseWithZod(form({ title: "T", prompt: "P" }), { schema: choice });
    expect(missing.status === "error" && missing.error?.options).toEqual(["Give at least two options."]);
  });

  it("answers garbage with messages, not exceptions", () => {
    const s = parseWithZod(form({ title: ["a", "b"], prompt: "P", options: "garbage", "options[0].correct": "yes" }), { schema: choice });
    expect(s.status).toBe("error");
  });
});

describe("numeric form", () => {
  it("reads numbers the way people type them", () => {
    const s = parseWithZod(
      form({ title: "T", prompt: "P", answer: "12,5", tolerance: "0.1", unit: "m/s", "wrongValues[0].value": "-12.5", "wrongValues[0].feedback": "Sign", "wrongValues[1].value": "" }),
      { schema: numeric },
    );
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(toCheckpointInput("NUMERIC", s.value).content).toMatchObject({ kind: "NUMERIC", answer: 12.5, tolerance: 0.1, wrongValues: [{ value: -12.5 }, {}] });
  });

  it("refuses a non-number or negative tolerance and a missing answer", () => {
    const s = parseWithZod(form({ title: "T", prompt: "P", tolerance: "abc" }), { schema: numeric });
    expect(s.status === "error" && s.error?.tolerance?.[0]).toMatch(/isn't a number/);
    expect(s.status === "error" && s.error?.answer?.[0]).toMatch(/correct value/);
    const negative = parseWithZod(form({ title: "T", prompt: "P", answer: "1", tolerance: "-1" }), { schema: numeric });
    expect(negative.status === "error" && negative.error?.tolerance?.[0]).toMatch(/can't be negative/);
  });

  it("flags wrong values that would count as correct or repeat, even while the title is missing", () => {
    const s = parseWithZod(
      form({ title: "", prompt: "P", answer: "10", tolerance: "0.5", "wrongValues[0].value": "10.2", "wrongValues[1].value": "-10", "wrongValues[2].value": "-10.1", "wrongValues[3].feedback": "no value" }),
      { schema: numeric },
    );
    const error = s.status === "error" ? s.error : {};
    expect(error?.title).toBeTruthy();
    expect(error?.["wrongValues[0].value"]?.[0]).toMatch(/counts as correct/);
    expect(error?.["wrongValues[2].value"]?.[0]).toMatch(/already listed/);
    expect(error?.["wrongValues[3].value"]?.[0]).toMatch(/Enter the wrong value/);
  });

  it("needs both parts of a value on the way", () => {
    const s = parseWithZod(form({ title: "T", prompt: "P", answer: "1", "intermediateValues[0].label": "half way", "intermediateValues[1].value": "2" }), { schema: numeric });
    const error = s.status === "error" ? s.error : {};
    expect(error?.["intermediateValues[0].value"]).toBeTruthy();
    expect(error?.["intermediateValues[1].label"]).toBeTruthy();
  });
});

describe("short-text form", () => {
  it("takes an optional model answer", () => {
    const s = parseWithZod(form({ title: "T", prompt: "P" }), { schema: checkpointFormSchema("SHORT_TEXT", { misconceptionIds: [] }) });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(toCheckpointInput("SHORT_TEXT", s.value).content).toEqual({ kind: "SHORT_TEXT", modelAnswer: "" });
  });
});
