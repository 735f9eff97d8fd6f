// The demo's diagnostic project (issue 11, decision 022): the seed imports
// prisma/demo/maths-for-physics.csv through the real importer into the demo
// class, publishes it and adds attempts, so the class insight shows wrong
// options pointing at misconceptions — one of them across two checkpoints.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseSpec } from "~/domain/checkpoint-spec";
import { loadInsight } from "~/models/insight-pages.server";
import { findTeacherProject } from "~/models/project.server";
import { DEMO_DIAGNOSTIC_TITLE, DEMO_TEACHER_EMAIL, seedDemo } from "../../prisma/seed";

describe("the demo's diagnostic project", () => {
  it("is twelve imported items, every wrong option mapped, with attempts the insight reads by misconception", async () => {
    await seedDemo({ password: "demo-diagnostic-test" });
    const teacher = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER_EMAIL } });
    const row = await prisma.project.findFirstOrThrow({ where: { title: DEMO_DIAGNOSTIC_TITLE, classroom: { name: "Physics 9B" } } });
    expect(row.status).toBe("PUBLISHED");
    const versions = await prisma.checkpointVersion.findMany({ where: { checkpoint: { projectId: row.id } }, orderBy: { checkpoint: { position: "asc" } } });
    expect(versions).toHaveLength(12);
    for (const v of versions) {
      const spec = parseSpec(v.spec);
      if (spec.kind !== "MULTIPLE_CHOICE") throw new Error(`${v.title} should be a choice`);
      expect(spec.options).toHaveLength(4);
      expect(spec.options.filter((o) => !o.correct).every((o) => o.misconceptionId)).toBe(true);
    }
    const project = await findTeacherProject(row.id, teacher.id);
    const insight = await loadInsight(project!, { textGroups: false });
    const report = insight!.report;
    expect(report.totals.checkpoints).toBe(12);
    expect(report.totals.attemptsWithMisconception).toBeGreaterThan(40);
    const shown = report.misconceptions.filter((m) => m.attempts > 0);
    expect(shown.length).toBeGreaterThan(10);
    // "Multiplies instead of dividing" is the wrong option of two items: the insight sees it on both once students chose it there.
    const twice = report.misconceptions.find((m) => m.name === "Multiplies instead of dividing")!;
    expect(twice.checkpointIds).toHaveLength(2);
    // 36 wrong options, two names used twice.
    expect(await prisma.misconception.count({ where: { projectId: row.id } })).toBe(34);
  }, 90_000);
});
