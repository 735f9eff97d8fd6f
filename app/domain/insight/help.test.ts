import { describe, expect, it } from "vitest";
import { helpNow } from "./help";
import { prepare } from "./prepare";
import { at, testClass } from "./test-class";

describe("helpNow", () => {
  it("finds students with repeated not-yet, no got-it and no reflection since, leaving out removed students", () => {
    const help = helpNow(prepare(testClass()));
    expect(help.minConsecutiveNotYet).toBe(2);
    // Will has two not-yets on c2 but reflected on it afterwards; Dee was removed from the class.
    expect(help.stuck).toEqual([
      {
        studentId: "ben",
        name: "Ben Okafor",
        checkpointId: "c1",
        checkpointTitle: "Doubling the force (revised)",
        position: 1,
        consecutiveNotYet: 3,
        attempts: 3,
        runStartedAt: at(5).toISOString(),
        lastAttemptAt: at(25).toISOString(),
        lastAttemptId: "b3",
        misconceptionIds: ["m1", "m3"],
      },
    ]);
  });

  it("counts a student as stuck again when their reflection came before the last not-yet", () => {
    const data = testClass();
    data.journalEntries = data.journalEntries.filter((j) => j.id !== "j2");
    const stuck = helpNow(prepare(data)).stuck.map((s) => [s.studentId, s.checkpointId, s.consecutiveNotYet]);
    expect(stuck).toEqual([
      ["ben", "c1", 3],
      ["will", "c2", 2],
    ]);
  });

  it("takes the threshold as an option", () => {
    expect(helpNow(prepare(testClass()), { minConsecutiveNotYet: 3 }).stuck).toHaveLength(1);
    expect(helpNow(prepare(testClass()), { minConsecutiveNotYet: 4 }).stuck).toHaveLength(0);
  });

  it("lists open support requests of students in the class, oldest first, with how long they wait", () => {
    const help = helpNow(prepare(testClass()), { now: at(100).getTime() });
    expect(help.supportRequests).toEqual([
      { journalEntryId: "j2", studentId: "will", name: "Will Hart", checkpointId: "c2", attemptId: null, requestedAt: at(25).toISOString(), waitingMs: 75 * 60_000 },
      { journalEntryId: "j4", studentId: "ana", name: "Ana Lima", checkpointId: "c3", attemptId: "a6", requestedAt: at(75).toISOString(), waitingMs: 25 * 60_000 },
    ]);
    expect(helpNow(prepare(testClass())).supportRequests[0].waitingMs).toBeNull();
  });
});
