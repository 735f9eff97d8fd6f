// Every form of every page, sent while the database takes no changes (a
// read-only or full disk): the page comes back, not an error page; it says the
// work was not saved and what to do, and the form still holds what was typed
// (issue 8, defect 10; decision 013). Generated from the route table, so a new
// form is covered when its route entry is added. Rendered as a form sent
// without JavaScript is: the action, then the loader, then the page's HTML.
import { afterEach, describe, expect, it, vi } from "vitest";
import { STORAGE_UNAVAILABLE_MESSAGE } from "~/utils/prisma-errors.server";
import { UNEXPECTED_FAILURE_MESSAGE, keepsFormOnFailure, replyKeepingForm } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { isSaveFailed, replyOf } from "~/utils/save-failed";
import { renderRoute, type RouteModule } from "../support/render-route";
import { ROUTES, addressOf, type Access, type Fields } from "../support/route-table";
import { call, post } from "../support/routes";
import { takeNoChanges } from "../support/storage";
import { world, type Role } from "../support/two-classes";

const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const moduleOf = (routeId: string) => modules[`../../app/routes/${routeId}.tsx`] ?? modules[`../../app/routes/${routeId}.ts`];

/** The person who may post to a route of this kind. */
const POSTER: Partial<Record<Access, Role>> = {
  anyone: "anonymous",
  "signed-out": "anonymous",
  "signed-in": "student",
  teacher: "owner",
  student: "student",
  "class-teacher": "owner",
  "class-student": "student",
  "site-admin": "admin",
};

/** A route's path pattern, as react-router reads it (`teach.projects.$projectId` → `/teach/projects/:projectId`). */
function patternOf(routeId: string): string {
  const segments = routeId
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? `:${s.slice(1).replace(/_$/, "")}` : s));
  return `/${segments.join("/")}`;
}

/** What a person typed: the text of every field a page shows (not ids, intents or passwords). */
function typedTexts(form: Fields): string[] {
  const texts: string[] = [];
  for (const [name, value] of Object.entries(form)) {
    if (/password|intent|formId|Id$|Ids$|Key$|key$/i.test(name)) continue;
    // Prose and emails; a lone lowercase word is a choice's value (a radio's "archive"), kept as a checked box, not as text.
    for (const v of Array.isArray(value) ? value : [value]) if (/\p{L}{3}/u.test(v) && /[A-Z\s@]/.test(v)) texts.push(v);
  }
  return texts;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Where the table's form succeeds without a write in a fresh world (joining the class one is already in), a form that writes. */
const WRITING_BODY: Record<string, (w: Awaited<ReturnType<typeof world>>) => Fields> = {
  "learn._index": (w) => ({ code: w.b.joinCode }),
};

/**
 * Fields the table's form sends that its page does not show for this world:
 * the editor's "name a new misconception" panel belongs to choice and numeric
 * checkpoints, and the table's checkpoint is a short-text one. They still come
 * back in the answer's reply.
 */
const NOT_ON_THIS_PAGE: Record<string, string[]> = {
  "teach.projects.$projectId.checkpoints.new add-misconception": ["newMisconception.name"],
  "teach.projects.$projectId.checkpoints.$checkpointId add-misconception": ["newMisconception.name"],
};

/**
 * Forms the table's world does not put on the page the table posts to (the
 * form belongs to a record shown elsewhere or under another filter): for these
 * the answer is checked to name the form the page would show it in, by the
 * same id that page's `resultFor` looks for.
 */
const FORM_NOT_ON_THIS_PAGE: Record<string, (form: Fields) => string> = {
  // The attempts list is filtered by a misconception the attempt is not tagged with yet.
  "teach.projects.$projectId.insight.attempts add-tag": (f) => `tag-${f.attemptId}-${f.misconceptionId}`,
  "teach.projects.$projectId.insight.attempts remove-tag": (f) => `tag-${f.attemptId}-${f.misconceptionId}`,
  // The entry asking for support is answered from the timeline's journal filter.
  "teach.projects.$projectId.students.$studentId resolve-support": (f) => `support-${f.journalEntryId}`,
  // The table's journal forms are about another checkpoint's attempt and the project.
  "learn.projects.$projectId.checkpoints.$checkpointId save-draft": (f) => `journal-${f.formKey}`,
  "learn.projects.$projectId.checkpoints.$checkpointId add-entry": (f) => `journal-${f.formKey}`,
};

/** Every text in a (nested) reply value. */
function textsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(textsIn);
  return [];
}

const cases = Object.entries(ROUTES).flatMap(([routeId, entry]) =>
  Object.keys(entry.intents ?? {})
    // Signing out writes nothing a person typed; its failure is the error page's. An LTI login or launch
    // (decision 023) is a form the LMS posts, not one a person typed: the table's carries no signed token and is refused first.
    .filter(() => routeId !== "logout" && entry.action !== "lti-platform")
    .map((intent) => ({ routeId, intent, entry })),
);

afterEach(async () => {
  await takeNoChanges(false);
  vi.mocked(console.error).mockReset();
});

describe("a form sent while the database takes no changes", () => {
  it.each(cases.map((c) => [`${c.routeId} ${c.intent || "(its form)"}`, c] as const))("%s: 503, says nothing was saved, keeps the text", async (_label, { routeId, intent, entry }) => {
    const w = await world();
    await entry.prepare?.[intent]?.(w.a);
    const person = POSTER[entry.action!]!;
    const body = WRITING_BODY[routeId]?.(w) ?? entry.intents![intent](w.a.ids, w.a);
    const form: Fields = intent ? { intent, ...body } : body;
    const { path: pathname } = addressOf(routeId, w.a.ids);
    const query = entry.query ? `?${new URLSearchParams(entry.query(w.a.ids))}` : "";
    const path = pathname + query;
    const module = moduleOf(routeId);

    vi.mocked(console.error).mockImplementation(() => {});
    await takeNoChanges(true);
    const page = await renderRoute(module, patternOf(routeId), post(path, form, w.cookies[person]));
    await takeNoChanges(false);

    expect(page.status, `${routeId} ${intent}: ${JSON.stringify(page.actionData)?.slice(0, 300)}`).toBe(503);
    expect(isSaveFailed(page.actionData)).toBe(true);
    // The words: nothing was saved, and the text is still here — on the page, not only in the data.
    const elsewhere = FORM_NOT_ON_THIS_PAGE[`${routeId} ${intent}`];
    if (elsewhere) expect((page.actionData as { formId: string }).formId).toBe(elsewhere(form));
    else expect(page.text).toContain(STORAGE_UNAVAILABLE_MESSAGE);
    const hidden = NOT_ON_THIS_PAGE[`${routeId} ${intent}`] ?? [];
    const kept = textsIn((page.actionData as { reply: { initialValue: unknown } }).reply.initialValue);
    for (const typed of typedTexts(form)) expect(kept).toContain(typed);
    const shown = Object.fromEntries(Object.entries(form).filter(([name]) => !hidden.includes(name)));
    if (!elsewhere) for (const typed of typedTexts(shown)) expect(page.html, `${routeId} ${intent}: "${typed}" should be back in the form`).toContain(escapeHtml(typed));
    // Passwords are never sent back.
    for (const [name, value] of Object.entries(form)) if (/password/i.test(name)) expect(page.html).not.toContain(String(value));
    // The server's log says why, in one line.
    expect(vi.mocked(console.error).mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringContaining("the database took no changes, answering 503 with the form kept"));
  });
});

describe("keepsFormOnFailure", () => {
  const request = (fields: Record<string, string>) => post("/somewhere", fields);

  it("answers an unexpected failure with 500, words that do not claim a save, and the form as sent (no passwords)", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    const action = keepsFormOnFailure(async ({ request }) => {
      await readForm(request);
      throw new Error("a bug");
    });
    const answer = await call(action, request({ formId: "comment-1", intent: "add-comment", body: "Try drawing the forces first.", password: "secret words" }));
    expect(answer.status).toBe(500);
    expect(answer.data).toMatchObject({ formId: "comment-1", intent: "add-comment", ok: false, saveFailed: "unexpected", message: UNEXPECTED_FAILURE_MESSAGE });
    expect(UNEXPECTED_FAILURE_MESSAGE).toMatch(/may not have been saved/);
    expect(answer.data.reply.initialValue).toEqual({ formId: "comment-1", intent: "add-comment", body: "Try drawing the forces first." });
    expect(answer.data.reply.error).toEqual({ "": [UNEXPECTED_FAILURE_MESSAGE] });
    expect(String(vi.mocked(console.error).mock.calls[0][0])).toMatch(/^\[rebound\] POST \/somewhere: the action failed, answering 500 with the form kept/);
  });

  it("names the form by the route's own rule when the form posts no formId", async () => {
    vi.mocked(console.error).mockImplementation(() => {});
    const action = keepsFormOnFailure(
      async ({ request }) => {
        await readForm(request);
        throw new Error("a bug");
      },
      (form) => `details-${form.get("intent")}`,
    );
    expect((await call(action, request({ intent: "rename" }))).data.formId).toBe("details-rename");
  });

  it("lets the route's own answers through: redirects, 404s and refusals are not failures", async () => {
    const redirecting = keepsFormOnFailure(async () => {
      throw new Response(null, { status: 302, headers: { Location: "/login" } });
    });
    expect((await call(redirecting, request({}))).location).toBe("/login");
    const refusing = keepsFormOnFailure(async () => {
      throw new Response("Not here", { status: 404 });
    });
    expect((await call(refusing, request({}))).status).toBe(404);
  });

  it("gives the form back in the shape it reads (lists, nested rows), without passwords; a page whose action data is the reply reads it with replyOf", () => {
    const form = new FormData();
    form.append("optionIds", "a");
    form.append("optionIds", "b");
    form.append("options[1].text", "Second");
    form.append("newPassword", "x");
    const kept = replyKeepingForm(form, "Not saved.");
    expect(kept.initialValue).toEqual({ optionIds: ["a", "b"], options: [undefined, { text: "Second" }] });
    expect(kept.error).toEqual({ "": ["Not saved."] });
    const reply = { status: "error" as const, error: { name: ["Give it a name."] } };
    expect(replyOf(reply)).toBe(reply);
    expect(replyOf(undefined)).toBeUndefined();
  });
});

