import { describe, expect, it } from "vitest";
import { PERSONAL_DATA, archiveFilename, archiveFiles, confirmsName, csvFileName, type PersonalRecord } from "./privacy";

const empty = (): PersonalRecord => ({
  account: [],
  sessions: [],
  setupCodes: [],
  lmsHandoffs: [],
  externalIds: [],
  classes: [],
  attempts: [],
  journalEntries: [],
  commentsReceived: [],
  reflectionsSetAside: [],
  checksGiven: [],
  tagsSet: [],
  classesTaught: [],
  coTeacherInvites: [],
  commentsWritten: [],
  answerGroupsConfirmed: [],
  learningGoals: [],
  groupFeedbackWritten: [],
  goalCommentsWritten: [],
  failurePosts: [],
  failureNotes: [],
  reactionsGiven: [],
  lmsAccounts: [],
});

describe("the download's files", () => {
  it("has a read-me and data.json always, and a CSV for each section with rows, formula-safe", () => {
    const record = { ...empty(), account: [{ name: "Ada", email: "ada@example.test" }], attempts: [{ answer: "=1+1", outcome: "Not yet", supportAskedFor: true }] };
    const files = archiveFiles(record, { subject: "the account of Ada", exportedAt: new Date("2026-12-02T10:00:00Z") });
    expect(Object.keys(files).sort()).toEqual(["README.txt", "account.csv", "attempts.csv", "data.json"]);
    expect(files["attempts.csv"]).toBe("\uFEFFanswer,outcome,supportAskedFor\r\n'=1+1,Not yet,yes\r\n");
    const data = JSON.parse(files["data.json"]);
    expect(data.journalEntries).toEqual([]);
    expect(data.exportedAt).toBe("2026-12-02T10:00:00.000Z");
    expect(files["README.txt"]).toContain("- Attempts (1 row, attempts.csv): every attempt");
    expect(files["README.txt"]).toContain("- Journal entries (nothing):");
    expect(files["README.txt"]).not.toContain("left out");
  });

  it("says when the email was left out", () => {
    const files = archiveFiles(empty(), { subject: "Ada's work in 9B", exportedAt: new Date(), emailLeftOut: true });
    expect(files["README.txt"]).toContain("The email address was left out of this download.");
  });

  it("names each section's CSV after it", () => {
    expect(csvFileName("reflectionsSetAside")).toBe("reflections-set-aside.csv");
    expect(new Set(PERSONAL_DATA.map((e) => e.section)).size).toBe(PERSONAL_DATA.length);
  });
});

describe("archiveFilename", () => {
  it("is a plain slug with the date", () => {
    expect(archiveFilename(["data"], new Date("2026-12-02T23:59:00Z"))).toBe("rebound-data-2026-12-02.zip");
    expect(archiveFilename(["Zoë O'Brien", "Physics 9B"], new Date("2026-12-02T00:00:00Z"))).toBe("rebound-zoe-o-brien-physics-9b-2026-12-02.zip");
    expect(archiveFilename(["***"], new Date("2026-12-02T00:00:00Z"))).toBe("rebound-data-2026-12-02.zip");
  });
});

describe("confirmsName", () => {
  it("matches the name typed out, ignoring case and spaces around and between words", () => {
    expect(confirmsName("  amara   OKAFOR ", "Amara Okafor")).toBe(true);
    expect(confirmsName("Amara", "Amara Okafor")).toBe(false);
    expect(confirmsName("", "")).toBe(false);
    expect(confirmsName("Zoe\u0308", "Zoë")).toBe(true);
  });
});
