// Runs the real script as a user would, through tsx.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function run(input: string) {
  const r = spawnSync(tsx, [path.join(root, "scripts", "cluster-answers.ts")], { input, encoding: "utf8", cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run cluster-answers", () => {
  it("writes one line per input, in order, with clusters per question", () => {
    const lines = [
      { id: "a", question: "q1", answer: "the battery makes the current" },
      { id: "b", question: "q1", answer: "The battery makes current." },
      { id: "c", question: "q1", answer: "the bulb is open" },
      { id: "d", question: "q2", answer: "the battery makes the current" },
    ];
    const { code, stdout, stderr } = run(lines.map((l) => JSON.stringify(l)).join("\n") + "\n\n");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; cluster: string });
    expect(out.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
    expect(out.every((o) => typeof o.cluster === "string" && o.cluster.length > 0)).toBe(true);
    expect(out[0].cluster).toBe(out[1].cluster);
    expect(out[0].cluster).not.toBe(out[2].cluster);
  }, 30000);

  it("prints nothing for empty input", () => {
    const { code, stdout } = run("");
    expect(code).toBe(0);
    expect(stdout).toBe("");
  }, 30000);

  it("names bad lines on stderr, exits non-zero and writes nothing on stdout", () => {
    const { code, stdout, stderr } = run(
      [JSON.stringify({ id: "a", question: "q", answer: "ok" }), "{not json", JSON.stringify({ id: 3, question: "q", answer: "x" }), "[1]"].join("\n"),
    );
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("line 2: not valid JSON");
    expect(stderr).toContain('line 3: "id" must be a string');
    expect(stderr).toContain("line 4: expected an object");
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 30000);
});
