import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../tests/support/csv";
import { prepare } from "./prepare";
import { buildReport } from "./report";
import { testClass } from "./test-class";
import { CHECKPOINT_COLUMNS, STUDENT_COLUMNS, checkpointDistributionTable, exportFilename, parseExportKind, studentMisconceptionTable, toCsv } from "./view-export";

describe("studentMisconceptionTable", () => {
  it("has one row per student and misconception shown, resolved or not, with first seen and resolved at", () => {
    const table = studentMisconceptionTable(prepare(testClass()));
    expect(table.columns).toEqual(STUDENT_COLUMNS);
    expect(table.rows).toEqual([
      ["Ana Lima", "ana@example.test", "yes", "Halving", 1, "1. Doubling the force (revised)", "yes", "2025-11-24 09:00", "2025-11-24 09:10"],
      ["Ben Okafor", "ben@example.test", "yes", "Sign convention", 2, "1. Doubling the force (revised)", "no", "2025-11-24 09:05", ""],
      ["Ben Okafor", "ben@example.test", "yes", "Units", 3, "1. Doubling the force (revised); 3. Explain", "no", "2025-11-24 09:15", ""],
      ["Dee Ray", "dee@example.test", "no", "Halving", 3, "1. Doubling the force (revised)", "no", "2025-11-24 09:03", ""],
      ["Will Hart", "will@example.test", "yes", "Sign convention", 2, "2. Speed after 5 s", "no", "2025-11-24 09:12", ""],
    ]);
  });
});

describe("checkpointDistributionTable", () => {
  it("lists every checkpoint's answers on first and all attempts, with misconceptions", () => {
    const data = testClass();
    const table = checkpointDistributionTable(buildReport(data, { clusterText: true }), prepare(data));
    expect(table.columns).toEqual(CHECKPOINT_COLUMNS);
    const rows = table.rows;
    expect(rows).toContainEqual([1, "Doubling the force (revised)", "Multiple choice", "All answers", "", 4, 9, 4, ""]);
    expect(rows).toContainEqual([1, "Doubling the force (revised)", "Multiple choice", "Halving", "It is halved", 2, 4, 2, "Halving"]);
    expect(rows).toContainEqual([2, "Speed after 5 s", "Numeric", "Sign convention", "-12.5 m/s", 2, 3, 2, "Sign convention"]);
    expect(rows).toContainEqual([2, "Speed after 5 s", "Numeric", "Decimal point shifted (÷10)", "1.25 m/s", 0, 1, 1, ""]);
    const text = rows.filter((r) => r[2] === "Short text");
    expect(text[0]).toEqual([3, "Explain", "Short text", "All answers", "", 3, 4, 3, ""]);
    // Every short answer falls in exactly one group.
    expect(text.slice(1).reduce((sum, r) => sum + Number(r[6]), 0)).toBe(4);
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    const csv = toCsv({
      columns: ["Name", "Answer", "Count"],
      rows: [
        ['Zoë "Z" Adams', "forces, balanced\nsecond line", 3],
        ["=HYPERLINK(\"http://x\")", "+1", -2],
        ["@SUM(A1)", "-12.5 m/s", 0],
      ],
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Zoë ""Z"" Adams","forces, balanced\nsecond line",3\r\n');
    expect(parseCsv(csv)).toEqual([
      ["Name", "Answer", "Count"],
      ['Zoë "Z" Adams', "forces, balanced\nsecond line", "3"],
      ["'=HYPERLINK(\"http://x\")", "'+1", "-2"],
      ["'@SUM(A1)", "'-12.5 m/s", "0"],
    ]);
  });
});

describe("file names and kinds", () => {
  it("makes a readable, safe file name and accepts only the two kinds", () => {
    const now = new Date("2025-11-24T12:00:00Z");
    expect(exportFilename("Forces & Motion: Chloé's \"best\"", "students", now)).toBe("forces-motion-chloe-s-best-misconceptions-by-student-2025-11-24.csv");
    expect(exportFilename("???", "checkpoints", now)).toBe("project-checkpoint-distributions-2025-11-24.csv");
    expect(parseExportKind("students")).toBe("students");
    expect(parseExportKind("checkpoints")).toBe("checkpoints");
    expect(parseExportKind("everything")).toBeNull();
  });
});
