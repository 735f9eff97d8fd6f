import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseListSubmission, parseSubmission } from "~/utils/submission";

const schema = z.object({ name: z.string({ error: "Give it a name." }).min(1, "Give it a name.") });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("parseSubmission", () => {
  it("checks a hand-made list or validate intent as an ordinary submission, so the answer has its messages", () => {
    for (const control of ['{"type":"insert","payload":{"name":"answers","index":99}}', '{"type":"validate","payload":{"name":"name"}}', "{bad"]) {
      const submission = parseSubmission(form({ __intent__: control, __state__: control }), { schema });
      expect(submission.status).toBe("error");
      expect(submission.reply().error).toEqual({ name: ["Give it a name."] });
    }
    expect(parseSubmission(form({ name: "Forces", __intent__: '{"type":"validate","payload":{"name":"name"}}' }), { schema }).status).toBe("success");
  });

  it("keeps list intents for a form whose list buttons work without JavaScript, and survives a broken one", () => {
    const insert = parseListSubmission(form({ name: "Forces", __intent__: '{"type":"insert","payload":{"name":"rows"}}' }), { schema });
    expect(insert.status).toBeUndefined();
    expect(parseListSubmission(form({ name: "Forces", __intent__: "{bad" }), { schema }).status).toBe("success");
  });
});
