import { describe, expect, it } from "vitest";
import { choseOption, describeTarget, planDeliveries, readTargetRef, receiptState, receiptSummary, targetQuery, type MemberAttempt } from "./group-feedback";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 9, minutes));
const member = (studentId: string, attemptId: string, minutes: number, number = 1): MemberAttempt => ({ studentId, attemptId, createdAt: at(minutes), number });

describe("who receives group feedback", () => {
  it("gives each student one copy, on their latest attempt in the group", () => {
    const plan = planDeliveries([member("ada", "a1", 1, 1), member("ada", "a2", 5, 2), member("ben", "b1", 3)], new Set(), { first: true, reachLater: false });
    expect(plan).toEqual([
      { studentId: "ada", attemptId: "a2" },
      { studentId: "ben", attemptId: "b1" },
    ]);
  });

  it("breaks a tie in time by the attempt number", () => {
    expect(planDeliveries([member("ada", "a2", 1, 2), member("ada", "a1", 1, 1)], new Set(), { first: true, reachLater: true })).toEqual([{ studentId: "ada", attemptId: "a2" }]);
  });

  it("never gives a student a second copy", () => {
    expect(planDeliveries([member("ada", "a3", 9, 3), member("ben", "b1", 3)], new Set(["ada"]), { first: false, reachLater: true })).toEqual([{ studentId: "ben", attemptId: "b1" }]);
  });

  it("reaches students who join later only while the teacher lets it", () => {
    const members = [member("cy", "c1", 4)];
    expect(planDeliveries(members, new Set(), { first: false, reachLater: false })).toEqual([]);
    expect(planDeliveries(members, new Set(), { first: false, reachLater: true })).toEqual([{ studentId: "cy", attemptId: "c1" }]);
    // The first delivery always goes to the group as it is when the feedback is written.
    expect(planDeliveries(members, new Set(), { first: true, reachLater: false })).toEqual([{ studentId: "cy", attemptId: "c1" }]);
  });
});

describe("reading an answer's options", () => {
  it("finds the option among the ids stored, and reads nothing from an answer that is not a list", () => {
    expect(choseOption('["b","c"]', "c")).toBe(true);
    expect(choseOption('["b"]', "c")).toBe(false);
    expect(choseOption("12.5", "c")).toBe(false);
    expect(choseOption("not json", "c")).toBe(false);
  });
});

describe("targets in an address", () => {
  it("reads a group, a misconception, or a checkpoint with an option, and writes the same query back", () => {
    const query = (q: Record<string, string>) => (name: string) => q[name] ?? null;
    for (const target of [
      { kind: "ANSWER_GROUP", answerGroupId: "g1" },
      { kind: "MISCONCEPTION", misconceptionId: "m1" },
      { kind: "OPTION", checkpointId: "c1", optionId: "b" },
    ] as const) {
      expect(readTargetRef(query(targetQuery(target)))).toEqual(target);
    }
  });

  it("refuses a half-named option, an empty value and an overlong id", () => {
    const query = (q: Record<string, string>) => (name: string) => q[name] ?? null;
    expect(readTargetRef(query({ checkpoint: "c1" }))).toBeNull();
    expect(readTargetRef(query({ misconception: "   " }))).toBeNull();
    expect(readTargetRef(query({ group: "x".repeat(101) }))).toBeNull();
  });

  it("says whom the feedback is for", () => {
    expect(describeTarget("MISCONCEPTION", "Heavier falls faster")).toBe("everyone whose answer shows “Heavier falls faster”");
    expect(describeTarget("OPTION", "It halves", "Ratios")).toBe("everyone who chose “It halves” on “Ratios”");
    expect(describeTarget("ANSWER_GROUP", "Push keeps it going", "Why it stops")).toBe("everyone whose answer is in the group “Push keeps it going” on “Why it stops”");
  });
});

describe("receipts", () => {
  it("tells not opened, opened, and opened before the latest edit apart", () => {
    expect(receiptState({ firstReadAt: null, latestVersionAt: at(1) })).toBe("not-opened");
    expect(receiptState({ firstReadAt: at(5), latestVersionAt: at(1) })).toBe("opened");
    expect(receiptState({ firstReadAt: at(5), latestVersionAt: at(9) })).toBe("edited-since-opened");
    expect(receiptSummary(["not-opened", "opened", "edited-since-opened"])).toEqual({ received: 3, opened: 2, notOpened: 1 });
  });
});
