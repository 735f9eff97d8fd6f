import { describe, expect, it } from "vitest";
import {
  OTHER_GROUP_ID,
  buildBoard,
  byBatchThenId,
  minutesLeft,
  nextProjectId,
  parseAgreedActions,
  presentedBoard,
  previousProjectId,
  promptQuestions,
  sessionState,
  studentBoard,
  teacherBoard,
  type BoardNoteRow,
  type BoardPostRow,
} from "./failure-session";

const ADA = { authorId: "user-ada", authorName: "Ada Quill" };
const BEN = { authorId: "user-ben", authorName: "Ben Hartley" };
const CY = { authorId: "user-cy", authorName: "Cy Marsh" };

const post = (id: string, batch: number, setback: string, learned: string, author = ADA): BoardPostRow => ({ id, batch, setback, learned, ...author });

describe("the board's order", () => {
  it("orders by release batch, then by the random id, whatever order the rows come in", () => {
    const rows = [post("c", 2, "x", "y"), post("b", 1, "x", "y"), post("a", 2, "x", "y"), post("d", 1, "x", "y")];
    expect([...rows].sort(byBatchThenId).map((p) => p.id)).toEqual(["b", "d", "a", "c"]);
  });

  it("groups similar posts, groups in the order of their first release, the posts like no other last", () => {
    const posts = [
      post("p4", 2, "I forgot the units", "Write the units down", BEN),
      post("p1", 1, "I forgot the units again", "Write the units down", ADA),
      post("p9", 1, "I rushed the graph and read the wrong axis", "Slow down on graphs", CY),
      post("p5", 1, "My lab partner and I argued about the method", "Agree on a plan before starting", BEN),
      post("p2", 3, "Forgot units on every answer", "Write units down first", CY),
    ];
    const board = teacherBoard(buildBoard({ posts, notes: [], reactions: [] }));
    expect(board.map((g) => g.posts.map((p) => p.id))).toEqual([["p1", "p4", "p2"], ["p5", "p9"]]);
    expect(board[0].keyTerms.join(" ")).toMatch(/unit/);
    expect(board[1].id).toBe(OTHER_GROUP_ID);
    expect(board[1].keyTerms).toEqual([]);
  });

  it("gives the same board for the same posts in any input order", () => {
    const posts = [
      post("p1", 1, "I mixed up the units", "Write units down", ADA),
      post("p2", 1, "I forgot the units", "Units first", BEN),
      post("p3", 2, "My graph had no title", "Title first", CY),
    ];
    const a = presentedBoard(buildBoard({ posts, notes: [], reactions: [] }));
    const b = presentedBoard(buildBoard({ posts: [...posts].reverse(), notes: [], reactions: [] }));
    expect(b).toEqual(a);
  });
});

describe("the three views", () => {
  const posts = [post("post-1", 1, "I skipped the free-body diagram", "Draw it first", ADA), post("post-2", 1, "I guessed the sign", "Pick a positive direction", BEN)];
  const notes: BoardNoteRow[] = [
    { id: "note-2", postId: "post-1", text: "Drawing helped me too", batch: 2, ...BEN },
    { id: "note-1", postId: "post-1", text: "I label every arrow", batch: 2, ...CY },
    { id: "note-x", postId: "gone", text: "On a post no longer on the board", batch: 2, ...CY },
  ];
  const reactions = [
    { postId: "post-1", studentId: BEN.authorId, kind: "ME_TOO" },
    { postId: "post-1", studentId: CY.authorId, kind: "ME_TOO" },
    { postId: "post-1", studentId: CY.authorId, kind: "THANKS" },
    { postId: "post-2", studentId: ADA.authorId, kind: "HELPS" },
    { postId: "post-2", studentId: ADA.authorId, kind: "NOT_A_KIND" },
  ];
  const board = buildBoard({ posts, notes, reactions });

  it("a student's view holds no author id or name, only 'mine' for their own, and counts per post", () => {
    const view = studentBoard(board, { studentId: BEN.authorId, reactions });
    const text = JSON.stringify(view);
    for (const person of [ADA, BEN, CY]) {
      expect(text).not.toContain(person.authorId);
      expect(text).not.toContain(person.authorName);
    }
    const all = view.flatMap((g) => g.posts);
    const first = all.find((p) => p.id === "post-1")!;
    expect(first.mine).toBe(false);
    expect(first.reactions).toEqual({ ME_TOO: 2, THANKS: 1, HELPS: 0 });
    expect(first.myReactions).toEqual(["ME_TOO"]);
    expect(first.notes).toEqual([
      { id: "note-1", text: "I label every arrow", mine: false },
      { id: "note-2", text: "Drawing helped me too", mine: true },
    ]);
    expect(all.find((p) => p.id === "post-2")!.mine).toBe(true);
    expect(text).not.toContain("note-x");
  });

  it("the projected view holds no names and nobody's own", () => {
    const text = JSON.stringify(presentedBoard(board));
    for (const person of [ADA, BEN, CY]) expect(text).not.toContain(person.authorName);
    expect(text).not.toContain("mine");
  });

  it("the teacher's view names each author", () => {
    const view = teacherBoard(board).flatMap((g) => g.posts);
    expect(view.find((p) => p.id === "post-1")!.author).toBe(ADA.authorName);
    expect(view.find((p) => p.id === "post-1")!.notes.map((n) => n.author)).toEqual([CY.authorName, BEN.authorName]);
  });
});

describe("session time, prompts and agreed actions", () => {
  const now = new Date("2026-12-11T10:00:00Z");
  it("is open until the time box ends, then time-up until closed", () => {
    expect(sessionState({ endsAt: new Date("2026-12-11T10:05:00Z"), closedAt: null }, now)).toBe("open");
    expect(sessionState({ endsAt: new Date("2026-12-11T10:00:00Z"), closedAt: null }, now)).toBe("time-up");
    expect(sessionState({ endsAt: new Date("2026-12-11T10:05:00Z"), closedAt: now }, now)).toBe("closed");
    expect(minutesLeft(new Date("2026-12-11T10:04:01Z"), now)).toBe(5);
    expect(minutesLeft(new Date("2026-12-11T09:00:00Z"), now)).toBe(0);
  });

  it("reads one question or action per line, without list markers or blank lines", () => {
    expect(promptQuestions("What happened?\n\n  What will we try?  \r\n")).toEqual(["What happened?", "What will we try?"]);
    expect(parseAgreedActions("- Check units first\n\n2. Draw the diagram\n• Ask sooner\n  Plain line ")).toEqual(["Check units first", "Draw the diagram", "Ask sooner", "Plain line"]);
  });

  it("carries a project's actions to the next project created in the class", () => {
    const projects = [
      { id: "b", createdAt: new Date("2026-10-01") },
      { id: "a", createdAt: new Date("2026-09-01") },
      { id: "c", createdAt: new Date("2026-10-01") },
    ];
    expect(nextProjectId(projects, "a")).toBe("b");
    expect(nextProjectId(projects, "b")).toBe("c");
    expect(nextProjectId(projects, "c")).toBeNull();
    expect(previousProjectId(projects, "c")).toBe("b");
    expect(previousProjectId(projects, "a")).toBeNull();
  });
});
