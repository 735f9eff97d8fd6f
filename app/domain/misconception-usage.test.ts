import { describe, expect, it } from "vitest";
import { describeUsage, isInUse } from "~/domain/misconception-usage";

describe("misconception usage", () => {
  it("explains why a misconception stays", () => {
    expect(isInUse({ checkpoints: 0, attempts: 0 })).toBe(false);
    expect(describeUsage({ checkpoints: 0, attempts: 0 })).toBe("");
    expect(isInUse({ checkpoints: 0, attempts: 1 })).toBe(true);
    expect(describeUsage({ checkpoints: 2, attempts: 1 })).toBe("tags answers in 2 checkpoints and is tagged on 1 attempt");
    expect(describeUsage({ checkpoints: 1, attempts: 0 })).toBe("tags answers in 1 checkpoint");
  });
});
