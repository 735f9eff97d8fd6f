import { describe, expect, it } from "vitest";
import { nextPageLink, progressScore, readMembershipPage, scoresUrl } from "./services";

describe("NRPS pages", () => {
  it("reads members, their role and status, and counts entries without a user id", () => {
    const page = readMembershipPage({
      members: [
        { user_id: "s1", name: "Ada Lovelace", email: "ADA@School.example", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"] },
        { user_id: "t1", given_name: "Grace", family_name: "Hopper", roles: ["Instructor"], status: "Active" },
        { user_id: "s2", name: "Gone", roles: ["Learner"], status: "Inactive" },
        { name: "no id", roles: ["Learner"] },
      ],
    });
    expect(page).toEqual({
      members: [
        { sub: "s1", name: "Ada Lovelace", email: "ada@school.example", role: "STUDENT", active: true },
        { sub: "t1", name: "Grace Hopper", email: null, role: "TEACHER", active: true },
        { sub: "s2", name: "Gone", email: null, role: "STUDENT", active: false },
      ],
      unreadable: 1,
    });
    expect(readMembershipPage({ nothing: [] })).toBeNull();
  });

  it("finds the next page in a Link header, whatever else it lists", () => {
    expect(nextPageLink('<https://lms.example/m?p=2>; rel="next", <https://lms.example/m?p=9>; rel="last"')).toBe("https://lms.example/m?p=2");
    expect(nextPageLink('<https://lms.example/m?p=9>; rel="last", <https://lms.example/m?p=3>; rel=next')).toBe("https://lms.example/m?p=3");
    expect(nextPageLink('<https://lms.example/d>; rel="differences"')).toBeNull();
    expect(nextPageLink('<https://lms.example/m?p=2>; title="not next"; rel="prev"')).toBeNull();
    expect(nextPageLink(null)).toBeNull();
  });
});

describe("AGS scores", () => {
  it("adds /scores to the line item's path and keeps its query", () => {
    expect(scoresUrl("https://lms.example/api/lti/courses/7/line_items/3?type=x")).toBe("https://lms.example/api/lti/courses/7/line_items/3/scores?type=x");
    expect(scoresUrl("https://lms.example/li/3/")).toBe("https://lms.example/li/3/scores");
  });

  it("posts checkpoints got out of the total with a comment, and no score for a student who has not started", () => {
    const now = new Date("2026-12-03T10:00:00Z");
    expect(progressScore("s1", { gotIt: 3, attempts: 7, total: 5 }, now)).toEqual({
      userId: "s1",
      timestamp: "2026-12-03T10:00:00.000Z",
      scoreGiven: 3,
      scoreMaximum: 5,
      activityProgress: "InProgress",
      gradingProgress: "FullyGraded",
      comment: 'Got 3 of 5 checkpoints in Rebound so far, over 7 attempts; the others are "not yet".',
    });
    expect(progressScore("s1", { gotIt: 5, attempts: 5, total: 5 }, now)).toMatchObject({ activityProgress: "Completed", comment: "Got all 5 checkpoints in Rebound, over 5 attempts." });
    expect(progressScore("s1", { gotIt: 1, attempts: 1, total: 1 }, now)).toMatchObject({ scoreGiven: 1, comment: "Got the checkpoint in Rebound, over 1 attempt." });
    expect(progressScore("s1", { gotIt: 0, attempts: 2, total: 3 }, now)).toMatchObject({ scoreGiven: 0, activityProgress: "InProgress", comment: "Working on all 3 checkpoints in Rebound: 2 attempts so far, none got yet." });
    const idle = progressScore("s2", { gotIt: 0, attempts: 0, total: 5 }, now);
    expect(idle).toEqual({ userId: "s2", timestamp: "2026-12-03T10:00:00.000Z", activityProgress: "Initialized", gradingProgress: "NotReady", comment: "Not started yet in Rebound." });
  });
});
