// The class failure session (decision 019), through the routes: a teacher
// opens a session; students post; the teacher releases posts and notes to the
// board in batches or keeps them off; classmates respond with notes and
// reactions; a student withdraws; the teacher closes with agreed actions that
// the class's next project shows and the teacher marks. Anonymity: what a
// classmate's loader, rendered page and data requests (`.data`, `?_data=`)
// return holds no author id, name or email, no time of writing, and only
// random (UUID v4) ids for posts and notes.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as studentRoute from "~/routes/learn.projects.$projectId.failure-session._index";
import * as studentVersionRoute from "~/routes/learn.projects.$projectId.failure-session.version";
import * as studentProjectRoute from "~/routes/learn.projects.$projectId._index";
import * as teacherRoute from "~/routes/teach.projects.$projectId.failure-session._index";
import * as teacherVersionRoute from "~/routes/teach.projects.$projectId.failure-session.version";
import { createClassWithProject, createProject, createStudent, enroll } from "../support/factories";
import { remixHandle, remixRouteId } from "../support/remix-handler";
import { renderRoute } from "../support/render-route";
import { BASE, call, cookieFor, get, post } from "../support/routes";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function setup() {
  const w = await createClassWithProject();
  const third = await createStudent();
  await enroll(w.classroom.id, third.id);
  const teacherPage = `/teach/projects/${w.project.id}/failure-session`;
  const studentPage = `/learn/projects/${w.project.id}/failure-session`;
  const params = { projectId: w.project.id };
  const cookies = { teacher: await cookieFor(w.teacher.id), ada: await cookieFor(w.student.id), ben: await cookieFor(w.otherStudent.id), cy: await cookieFor(third.id) };
  const teacher = {
    send: (fields: Record<string, string | string[]>) => call(teacherRoute.action, post(teacherPage, fields, cookies.teacher), params),
    view: (query = "") => call(teacherRoute.loader, get(teacherPage + query, cookies.teacher), params),
  };
  const as = (who: "ada" | "ben" | "cy") => ({
    send: (fields: Record<string, string | string[]>) => call(studentRoute.action, post(studentPage, fields, cookies[who]), params),
    view: () => call(studentRoute.loader, get(studentPage, cookies[who]), params),
    version: async () => (await call(studentVersionRoute.loader, get(`${studentPage}/version`, cookies[who]), params)).data.version as string,
  });
  return { ...w, third, cookies, params, teacherPage, studentPage, teacher, ada: as("ada"), ben: as("ben"), cy: as("cy") };
}
type World = Awaited<ReturnType<typeof setup>>;

async function open(w: World, fields: Record<string, string> = { promptSource: "template", minutes: "20" }) {
  const res = await w.teacher.send({ intent: "open", ...fields });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return prisma.failureSession.findFirstOrThrow({ where: { projectId: w.project.id, closedAt: null } });
}

async function postAs(w: World, who: "ada" | "ben" | "cy", setback: string, learned = "Slow down and check.") {
  const res = await w[who].send({ intent: "post", setback, learned });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return prisma.failurePost.findFirstOrThrow({ where: { setback, session: { projectId: w.project.id } }, select: { id: true, batch: true, status: true } });
}

const boardPosts = (data: { board: { posts: { id: string; setback: string }[] }[] }) => data.board.flatMap((g) => g.posts);

describe("opening a session", () => {
  it("uses the blameless-debrief questions or the teacher's own, with a time box; one open session per project", async () => {
    const w = await setup();
    await open(w);
    const page = await w.teacher.view();
    expect(page.data.session.questions[0]).toBe("What was I trying to do, and what did I expect to happen?");
    expect(page.data.session.state).toBe("open");
    expect(page.data.session.minutesLeft).toBe(20);

    const again = await w.teacher.send({ intent: "open", promptSource: "own", prompt: "What surprised us?", minutes: "10" });
    expect(again.status).toBe(400);
    expect(again.data.reply.error[""]).toEqual(["A session is already open in this project. Close it before opening another."]);
    expect(await prisma.failureSession.count({ where: { projectId: w.project.id } })).toBe(1);

    const ownWithoutText = await w.teacher.send({ intent: "open", promptSource: "own", prompt: "", minutes: "10" });
    expect(ownWithoutText.status).toBe(400);
    expect(ownWithoutText.data.reply.error.prompt[0]).toMatch(/Write at least one question/);
  });

  it("takes no posts once the time box has run out, and gives the text back", async () => {
    const w = await setup();
    const session = await open(w);
    await prisma.failureSession.update({ where: { id: session.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    const res = await w.ada.send({ intent: "post", setback: "Late thought", learned: "Still counts" });
    expect(res.status).toBe(400);
    expect(res.data.reply.error[""][0]).toMatch(/Time's up/);
    expect(res.data.reply.initialValue).toMatchObject({ setback: "Late thought", learned: "Still counts" });
    expect(await prisma.failurePost.count({ where: { session: { projectId: w.project.id } } })).toBe(0);
  });
});

describe("moderation", () => {
  it("a post waits, named, in the teacher's queue and nowhere else; released, it reaches every classmate's board", async () => {
    const w = await setup();
    await open(w);
    const ada = await postAs(w, "ada", "I mixed up mass and weight");
    expect(ada.status).toBe("PENDING");

    const queue = (await w.teacher.view()).data.queue;
    expect(queue).toEqual([expect.objectContaining({ kind: "post", id: ada.id, author: w.student.name, setback: "I mixed up mass and weight" })]);
    expect(boardPosts((await w.ben.view()).data)).toEqual([]);
    // The author sees it as theirs, waiting.
    expect((await w.ada.view()).data.mine.posts).toEqual([expect.objectContaining({ id: ada.id, status: "PENDING" })]);

    const released = await w.teacher.send({ intent: "release", formId: "queue", postIds: [ada.id] });
    expect(released.status).toBe(200);
    expect(released.data.message).toMatch(/^Released 1 post to the board/);
    expect(boardPosts((await w.ben.view()).data).map((p) => p.setback)).toEqual(["I mixed up mass and weight"]);
    expect((await w.teacher.view()).data.queue).toEqual([]);
  });

  it("releases the ticked posts as one batch; the board orders by batch, then by random id, not by when they were written", async () => {
    const w = await setup();
    await open(w);
    const first = await postAs(w, "ada", "First written");
    const second = await postAs(w, "ben", "Second written");
    const third = await postAs(w, "cy", "Third written");
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [first.id, second.id] });
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [third.id] });
    const rows = await prisma.failurePost.findMany({ where: { session: { projectId: w.project.id } }, select: { id: true, batch: true, setback: true } });
    const batchOf = (s: string) => rows.find((r) => r.setback === s)!.batch;
    expect(batchOf("First written")).toBe(1);
    expect(batchOf("Second written")).toBe(1);
    expect(batchOf("Third written")).toBe(2);
    const firstBatch = rows.filter((r) => r.batch === 1).map((r) => r.id).sort();
    const shown = boardPosts((await w.cy.view()).data).map((p) => p.id);
    expect(shown).toEqual([...firstBatch, third.id]);
  });

  it("declined posts stay off the board; the author sees them kept off, with their text", async () => {
    const w = await setup();
    await open(w);
    const ada = await postAs(w, "ada", "Something off-topic");
    const declined = await w.teacher.send({ intent: "decline", formId: "queue", postIds: [ada.id] });
    expect(declined.data.message).toMatch(/^Kept 1 post off the board/);
    expect(boardPosts((await w.ben.view()).data)).toEqual([]);
    expect((await w.ada.view()).data.mine.posts).toEqual([expect.objectContaining({ setback: "Something off-topic", status: "DECLINED" })]);
  });

  it("notes are moderated the same way, and only on a classmate's post on the board", async () => {
    const w = await setup();
    await open(w);
    const ada = await postAs(w, "ada", "I skipped the diagram");
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [ada.id] });

    const own = await w.ada.send({ intent: "note", postId: ada.id, text: "Note to myself" });
    expect(own.status).toBe(400);
    expect(own.data.reply.error[""][0]).toMatch(/your own post/);

    expect((await w.ben.send({ intent: "note", postId: ada.id, text: "Drawing arrows helped me" })).status).toBe(200);
    const note = await prisma.failureNote.findFirstOrThrow({ where: { session: { projectId: w.project.id } }, select: { id: true, status: true } });
    expect(note.status).toBe("PENDING");
    expect(boardPosts((await w.cy.view()).data)[0]).toMatchObject({ notes: [] });
    expect((await w.teacher.view()).data.queue).toEqual([expect.objectContaining({ kind: "note", author: w.otherStudent.name, text: "Drawing arrows helped me", onSetback: "I skipped the diagram" })]);

    await w.teacher.send({ intent: "release", formId: "queue", noteIds: [note.id] });
    expect(boardPosts((await w.cy.view()).data)[0]).toMatchObject({ notes: [{ id: note.id, text: "Drawing arrows helped me", mine: false }] });
    expect(boardPosts((await w.ben.view()).data)[0]).toMatchObject({ notes: [{ id: note.id, mine: true }] });
  });
});

describe("reactions", () => {
  it("count per post, toggle with a second tap, never on one's own post, and name nobody", async () => {
    const w = await setup();
    await open(w);
    const ada = await postAs(w, "ada", "I trusted my first guess");
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [ada.id] });
    expect((await w.ben.send({ intent: "react", postId: ada.id, kind: "ME_TOO" })).data.message).toBe("You said “Me too”.");
    await w.cy.send({ intent: "react", postId: ada.id, kind: "ME_TOO" });
    await w.cy.send({ intent: "react", postId: ada.id, kind: "THANKS" });
    expect((await w.ada.send({ intent: "react", postId: ada.id, kind: "HELPS" })).status).toBe(400);

    const seen = boardPosts((await w.ada.view()).data)[0] as unknown as { reactions: Record<string, number>; myReactions: string[] };
    expect(seen.reactions).toEqual({ ME_TOO: 2, THANKS: 1, HELPS: 0 });
    expect(boardPosts((await w.cy.view()).data)[0]).toMatchObject({ myReactions: ["ME_TOO", "THANKS"] });

    expect((await w.cy.send({ intent: "react", postId: ada.id, kind: "THANKS" })).data.message).toBe("You took back “Thanks for sharing”.");
    expect(boardPosts((await w.ada.view()).data)[0]).toMatchObject({ reactions: { ME_TOO: 2, THANKS: 0, HELPS: 0 } });
    // The teacher's page counts them too, and does not say who.
    const teacherText = JSON.stringify((await w.teacher.view()).data.board);
    expect(teacherText).toContain('"ME_TOO":2');
    expect(teacherText).not.toContain(w.third.name);
  });
});

describe("withdrawal", () => {
  it("takes a post off the board and out of the queue at once; the text stays, for its author only", async () => {
    const w = await setup();
    await open(w);
    const onBoard = await postAs(w, "ada", "A setback I regret sharing");
    const waiting = await postAs(w, "ada", "A second thought");
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [onBoard.id] });
    await w.ben.send({ intent: "note", postId: onBoard.id, text: "Me as well, it helped to ask" });

    const res = await w.ada.send({ intent: "withdraw", kind: "post", id: onBoard.id });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/^Withdrawn\. It's off the board and out of your teacher's queue/);
    await w.ada.send({ intent: "withdraw", kind: "post", id: waiting.id });

    expect(boardPosts((await w.ben.view()).data)).toEqual([]);
    const teacherPage = JSON.stringify((await w.teacher.view()).data);
    expect(teacherPage).not.toContain("A setback I regret sharing");
    expect(teacherPage).not.toContain("A second thought");
    expect((await w.teacher.view()).data.counts).toMatchObject({ onBoard: 0, waiting: 0, withdrawn: 2 });
    const mine = (await w.ada.view()).data.mine.posts;
    expect(mine.map((p: { setback: string; status: string }) => [p.setback, p.status]).sort()).toEqual([
      ["A second thought", "WITHDRAWN"],
      ["A setback I regret sharing", "WITHDRAWN"],
    ]);
    // The classmate's note stays theirs, no longer showing the withdrawn setback.
    expect((await w.ben.view()).data.mine.notes).toEqual([expect.objectContaining({ text: "Me as well, it helped to ask", onSetback: null })]);
    expect(await prisma.failurePost.count({ where: { session: { projectId: w.project.id } } })).toBe(2);
  });

  it("is only the author's to do", async () => {
    const w = await setup();
    await open(w);
    const ada = await postAs(w, "ada", "Mine to withdraw");
    const res = await w.ben.send({ intent: "withdraw", kind: "post", id: ada.id });
    expect(res.status).toBe(400);
    expect(res.data.message).toMatch(/couldn't find that among your posts/);
    expect((await prisma.failurePost.findUniqueOrThrow({ where: { id: ada.id } })).withdrawnAt).toBeNull();
  });
});

describe("anonymity", () => {
  it("a classmate's loader, page and data requests hold no author id, name or email, no time of writing, and only random ids", async () => {
    const w = await setup();
    await open(w);
    const ada = await postAs(w, "ada", "I copied the wrong formula");
    const cy = await postAs(w, "cy", "I ran out of time on the graph");
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [ada.id, cy.id] });
    await w.cy.send({ intent: "note", postId: ada.id, text: "Writing formulas on a card helped me" });
    const note = await prisma.failureNote.findFirstOrThrow({ where: { session: { projectId: w.project.id } } });
    await w.teacher.send({ intent: "release", formId: "queue", noteIds: [note.id] });
    await w.cy.send({ intent: "react", postId: ada.id, kind: "ME_TOO" });

    const authors = [w.student, w.third];
    const seenByBen = await w.ben.view();
    const html = (await renderRoute(studentRoute as never, "/learn/projects/:projectId/failure-session", get(w.studentPage, w.cookies.ben))).html;
    const viaRemix = await Promise.all([
      remixHandle(new Request(`${BASE}${w.studentPage}.data`, { headers: { Cookie: w.cookies.ben } })).then(async (r) => `${r.status} ${await r.text()}`),
      remixHandle(new Request(`${BASE}${w.studentPage}?_data=${encodeURIComponent(remixRouteId("learn.projects.$projectId.failure-session._index"))}`, { headers: { Cookie: w.cookies.ben } })).then(async (r) => `${r.status} ${await r.text()}`),
    ]);
    const answers = { loader: JSON.stringify(seenByBen.data), html, ".data": viaRemix[0], "?_data=": viaRemix[1] };
    for (const [where, text] of Object.entries(answers)) {
      // (With single fetch, Remix answers `?_data=` without the loader's data; it must still hold nothing of an author.)
      if (where !== "?_data=") expect(text, where).toContain("I copied the wrong formula");
      for (const person of authors) {
        expect(text, `${where} holds an author's id`).not.toContain(person.id);
        expect(text, `${where} holds an author's name`).not.toContain(person.name);
        expect(text, `${where} holds an author's email`).not.toContain(person.email);
      }
      // No time a post or note was written.
      const written = await prisma.failurePost.findMany({ where: { session: { projectId: w.project.id } }, select: { createdAt: true } });
      for (const p of written) expect(text, `${where} holds a time of writing`).not.toContain(p.createdAt.toISOString());
    }
    // Every post and note id a classmate sees is random: UUID v4, nothing time-ordered like a cuid.
    const ids = [...seenByBen.data.board.flatMap((g: { posts: { id: string; notes: { id: string }[] }[] }) => g.posts.flatMap((p) => [p.id, ...p.notes.map((n) => n.id)]))];
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    // Nothing in a classmate's view says whose a post is, except "mine" on their own (false here).
    expect(boardPosts(seenByBen.data).every((p) => (p as unknown as { mine: boolean }).mine === false)).toBe(true);
  });

  it("the projector's board holds no names, and the version a student polls moves with the board, not with classmates' waiting posts", async () => {
    const w = await setup();
    await open(w);
    const before = await w.ben.version();
    const ada = await postAs(w, "ada", "I measured from the wrong end");
    expect(await w.ben.version()).toBe(before);
    await w.teacher.send({ intent: "release", formId: "queue", postIds: [ada.id] });
    const after = await w.ben.version();
    expect(after).not.toBe(before);
    const versionAnswer = await call(studentVersionRoute.loader, get(`${w.studentPage}/version`, w.cookies.ben), w.params);
    expect(Object.keys(versionAnswer.data)).toEqual(["version"]);
    expect(versionAnswer.headers.get("Cache-Control")).toBe("no-store");

    const teacherVersion = (await call(teacherVersionRoute.loader, get(`${w.teacherPage}/version`, w.cookies.teacher), w.params)).data.version;
    await postAs(w, "ben", "Another setback");
    expect((await call(teacherVersionRoute.loader, get(`${w.teacherPage}/version`, w.cookies.teacher), w.params)).data.version).not.toBe(teacherVersion);

    const presented = await w.teacher.view("?present=1");
    expect(presented.data.present).toBe(true);
    const text = JSON.stringify(presented.data);
    expect(text).toContain("I measured from the wrong end");
    expect(text).not.toContain(w.student.name);
    expect(text).not.toContain(w.otherStudent.name);
    expect(presented.data.queue).toEqual([]);
  });
});

describe("closing with agreed actions", () => {
  it("keeps them with the project, shows them at the start of the class's next project, and lets the teacher mark them there", async () => {
    const w = await setup();
    await open(w);
    const none = await w.teacher.send({ intent: "close", actions: "  \n " });
    expect(none.status).toBe(400);
    const closed = await w.teacher.send({ intent: "close", actions: "- Check units before submitting\n- Ask for help after two tries" });
    expect(closed.status).toBe(200);
    expect(closed.data.message).toBe("Session closed with 2 agreed actions. Students see them at the start of the next project.");
    expect((await w.ada.view()).data.agreed.map((a: { text: string }) => a.text)).toEqual(["Check units before submitting", "Ask for help after two tries"]);
    expect((await w.ada.send({ intent: "post", setback: "Too late", learned: "Next time" })).status).toBe(400);

    const { project: next } = await createProject(w.classroom.id, { title: "Energy" });
    const studentNext = await call(studentProjectRoute.loader, get(`/learn/projects/${next.id}`, w.cookies.ada), { projectId: next.id });
    expect(studentNext.data.failureSession.carried).toMatchObject({ project: { title: w.project.title }, actions: [{ text: "Check units before submitting", status: null }, { text: "Ask for help after two tries", status: null }] });

    const action = await prisma.agreedAction.findFirstOrThrow({ where: { text: "Check units before submitting", session: { projectId: w.project.id } } });
    const marked = await call(teacherRoute.action, post(`/teach/projects/${next.id}/failure-session`, { intent: "mark-action", actionId: action.id, status: "DONE" }, w.cookies.teacher), { projectId: next.id });
    expect(marked.status).toBe(200);
    expect(marked.data.message).toBe("“Check units before submitting”: done.");
    const again = await call(studentProjectRoute.loader, get(`/learn/projects/${next.id}`, w.cookies.ada), { projectId: next.id });
    expect(again.data.failureSession.carried.actions[0]).toMatchObject({ status: "DONE" });

    // Only the next project carries them; a third project does not, and cannot mark them.
    const { project: later } = await createProject(w.classroom.id, { title: "Waves" });
    expect((await call(studentProjectRoute.loader, get(`/learn/projects/${later.id}`, w.cookies.ada), { projectId: later.id })).data.failureSession.carried).toBeNull();
    const fromLater = await call(teacherRoute.action, post(`/teach/projects/${later.id}/failure-session`, { intent: "mark-action", actionId: action.id, status: "NOT_DONE" }, w.cookies.teacher), { projectId: later.id });
    expect(fromLater.status).toBe(400);
    expect((await prisma.agreedAction.findUniqueOrThrow({ where: { id: action.id } })).status).toBe("DONE");
  });
});
