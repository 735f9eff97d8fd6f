// Export and deletion coverage, derived from the schema (decision 012): every
// relation to User in prisma/schema.prisma must be listed in PERSONAL_DATA,
// and for a class where a teacher and a student leave a row in every one of
// them, the export holds each part and deleting both accounts leaves no row
// pointing at them and no text naming them anywhere in the database.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PERSONAL_DATA, csvFileName } from "~/domain/privacy";
import { accountDownload, deleteAccount } from "~/models/privacy.server";
import { rowsPointingAt, scanDatabase, seedEverything, unzipText, userRelationsInSchema } from "../support/privacy";

const key = (model: string, relation: string | null) => `${model}.${relation ?? "(the row itself)"}`;

describe("the personal-data registry and the schema", () => {
  const inSchema = userRelationsInSchema();

  it("finds the relations to User in the schema (so the comparison below means something)", () => {
    expect(inSchema.length).toBeGreaterThanOrEqual(10);
    expect(inSchema).toContainEqual({ model: "Attempt", relation: "student", foreignKey: "studentId" });
  });

  it("lists every model field that holds a user id, and nothing that no longer exists", () => {
    const listed = PERSONAL_DATA.filter((e) => e.relation !== null).map((e) => key(e.model, e.relation)).sort();
    const schema = inSchema.map((r) => key(r.model, r.relation)).sort();
    const missing = schema.filter((k) => !listed.includes(k));
    expect(missing, `add these to PERSONAL_DATA in app/domain/privacy.ts and handle them in app/models/privacy.server.ts (export and deleteAccount): ${missing.join(", ")}`).toEqual([]);
    expect(listed.filter((k) => !schema.includes(k)), "PERSONAL_DATA lists relations the schema no longer has").toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe("export and deletion cover every entry", () => {
  it("exports each part for the person it belongs to, then deletes both accounts leaving nothing that names them", async () => {
    const w = await seedEverything();
    const people = [w.student, w.teacher];
    const relations = userRelationsInSchema();

    // The seed leaves a row in every relation, so the checks below are not empty.
    for (const relation of relations) {
      const counts = await Promise.all(people.map((p) => rowsPointingAt(relation, p.id)));
      expect(counts.some((n) => n > 0), `the seed has a row for ${key(relation.model, relation.relation)}`).toBe(true);
    }

    // Each registry entry's section is in the download of a person who holds such rows.
    const downloads = new Map<string, Record<string, string>>();
    for (const person of people) {
      const download = await accountDownload(person.id);
      downloads.set(person.id, unzipText(download!.bytes));
    }
    for (const entry of PERSONAL_DATA) {
      const relation = relations.find((r) => r.model === entry.model && r.relation === entry.relation);
      let exported = false;
      for (const person of people) {
        if (relation && (await rowsPointingAt(relation, person.id)) === 0) continue;
        const files = downloads.get(person.id)!;
        const json = JSON.parse(files["data.json"]);
        if (json[entry.section]?.length > 0 && files[csvFileName(entry.section)]) exported = true;
      }
      expect(exported, `${key(entry.model, entry.relation)} is exported as "${entry.section}"`).toBe(true);
    }

    await deleteAccount(w.student.id, []);
    await deleteAccount(w.teacher.id, [{ classroomId: w.classroom.id, newTeacherId: null }]);
    for (const relation of relations) {
      for (const person of people) expect(await rowsPointingAt(relation, person.id), key(relation.model, relation.relation)).toBe(0);
    }
    expect(await prisma.user.count({ where: { id: { in: people.map((p) => p.id) } } })).toBe(0);
    expect(await scanDatabase(people.flatMap((p) => [p.id, p.name, p.email]))).toEqual([]);
  });
});
