import { describe, expect, it } from "vitest";
import { FORM_MESSAGES, MAX_FORM_FIELDS, formReadFrom, readForm } from "~/utils/form.server";

const post = (body: BodyInit | null, type?: string) =>
  new Request("http://localhost/x", { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

async function refusal(request: Request): Promise<{ status: number; text: string }> {
  try {
    await readForm(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
  throw new Error("The form was read");
}

describe("readForm", () => {
  it("reads urlencoded and multipart forms, cleaned, and remembers what it read", async () => {
    const request = post("title=Forces%00%E2%80%AE&title=Again", "application/x-www-form-urlencoded");
    const form = await readForm(request);
    expect(form.getAll("title")).toEqual(["Forces", "Again"]);
    expect(formReadFrom(request)).toBe(form);
    expect(await readForm(request)).toBe(form);
    const multipart = new FormData();
    multipart.append("body", "Hello");
    expect((await readForm(post(multipart))).get("body")).toBe("Hello");
  });

  it("reads an empty post as an empty form, whatever its type", async () => {
    expect([...(await readForm(post(null))).keys()]).toEqual([]);
    expect([...(await readForm(post("", "text/plain"))).keys()]).toEqual([]);
  });

  it("refuses a body that is not a form with 415 and says what to do", async () => {
    expect(await refusal(post('{"email":"a@b.c"}', "application/json"))).toEqual({ status: 415, text: FORM_MESSAGES.notAForm });
    expect(await refusal(post("email=a", "text/plain"))).toEqual({ status: 415, text: FORM_MESSAGES.notAForm });
    expect(await refusal(post("email=a"))).toEqual({ status: 415, text: FORM_MESSAGES.notAForm });
  });

  it("refuses a multipart body it cannot read with 400", async () => {
    expect(await refusal(post("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhalf", "multipart/form-data; boundary=x"))).toEqual({ status: 400, text: FORM_MESSAGES.unreadable });
    expect(await refusal(post("--x--", "multipart/form-data"))).toEqual({ status: 400, text: FORM_MESSAGES.unreadable });
  });

  it("refuses list indexes no page sends and more fields than any form has, before anything parses them", async () => {
    // Conform would echo `answers[3000000]` back as a list of three million entries (seconds of work, megabytes sent).
    expect((await refusal(post("answers%5B3000000%5D=x", "application/x-www-form-urlencoded"))).status).toBe(400);
    expect((await refusal(post("options%5B1000%5D.text=x", "application/x-www-form-urlencoded"))).status).toBe(400);
    expect((await readForm(post("options%5B999%5D.text=x", "application/x-www-form-urlencoded"))).get("options[999].text")).toBe("x");
    const many = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f=${i}`).join("&");
    expect(await refusal(post(many, "application/x-www-form-urlencoded"))).toEqual({ status: 400, text: FORM_MESSAGES.tooMany });
  });
});
