// A project as one Rebound project file (decision 022): the format the
// importer reads (app/domain/question-import/project-file.ts), version 1.
// Everything a teacher built travels: the title, goal and instructions; the
// misconceptions (name, description, next step), sorted by name; the live
// checkpoints in order, each as its current version (title, question, kind,
// settings, answers, which wrong option or value shows which misconception, the
// misconceptions it re-checks); the live reflection prompts in order with the
// checkpoint each sits beside or after; and the pictures the questions show.
// Misconceptions travel by name, checkpoints by position: the file has no ids,
// so it imports into any class, for any teacher. Pure.
import { replaceImageRefs } from "~/domain/rich-text";
import { PROJECT_FILE_FORMAT, PROJECT_FILE_VERSION, type ProjectFile } from "~/domain/question-import/project-file";
import { linkImages, misconceptionNames, toBase64, type ProjectSnapshot } from "./snapshot";

const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);

export function toProjectFile(snapshot: ProjectSnapshot, exportedAt?: Date): ProjectFile {
  const { images, keyOf } = linkImages(snapshot);
  const relink = (text: string) => replaceImageRefs(text, (ref) => {
    const key = keyOf(ref);
    return key ? `upload:${key}` : null;
  });
  const names = misconceptionNames(snapshot);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    ...(exportedAt ? { exportedAt: exportedAt.toISOString() } : {}),
    project: { title: snapshot.title, goal: snapshot.goal, instructions: snapshot.instructions },
    misconceptions: [...snapshot.misconceptions]
      .sort((a, b) => byName(a.name, b.name))
      .map((m) => ({ name: m.name, description: m.description, nextStep: m.nextStep })),
    checkpoints: snapshot.checkpoints.map((c) => {
      const spec = c.spec;
      const content: ProjectFile["checkpoints"][number]["content"] =
        spec.kind === "MULTIPLE_CHOICE"
          ? { kind: spec.kind, options: spec.options.map((o) => ({ text: relink(o.text), correct: o.correct, feedback: o.feedback, misconception: o.correct ? null : nameOf(o.misconceptionId) })) }
          : spec.kind === "NUMERIC"
            ? {
                kind: spec.kind,
                answer: spec.answer,
                tolerance: spec.tolerance,
                unit: spec.unit,
                wrongValues: spec.wrongValues.map((w) => ({ value: w.value, feedback: w.feedback, misconception: nameOf(w.misconceptionId) })),
                intermediateValues: spec.intermediateValues.map((v) => ({ value: v.value, label: v.label })),
              }
            : { kind: spec.kind, modelAnswer: spec.modelAnswer };
      return {
        title: c.title,
        prompt: relink(c.prompt),
        maxAttempts: c.maxAttempts,
        content,
        recheckOf: c.recheckOf.map((id) => names.get(id)).filter((n): n is string => Boolean(n)).sort(byName),
      };
    }),
    prompts: snapshot.prompts.map((p) => ({ trigger: p.trigger, title: p.title, questions: p.questions, templateKey: p.templateKey, checkpoint: p.checkpointIndex })),
    images: images.map((i) => ({ key: i.key, mime: i.mime, data: toBase64(i.data) })),
  };
}

/** The file's text: pretty-printed, so that a teacher (or a diff) can read it. */
export function projectFileText(snapshot: ProjectSnapshot, exportedAt?: Date): string {
  return `${JSON.stringify(toProjectFile(snapshot, exportedAt), null, 2)}\n`;
}
