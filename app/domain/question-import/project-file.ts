// A Rebound project as one JSON file (issue 11), read here: the project's title, goal and
// instructions; its misconceptions; its live checkpoints in order, each as its
// latest version (title, question, settings, answers, misconceptions by name,
// the misconceptions it re-checks); its reflection prompts; and the pictures
// its questions show (base64). No student work, no ids: the same file imports
// into another class, or for another teacher. Pure.
import { z } from "zod";
import { fromBase64, sniffImage } from "./images";
import { IMAGE_MIMES, ImportFileError, type ImportedContent, type ImportedItem, type ImportedPrompt, type ParsedBank } from "./types";

export const PROJECT_FILE_FORMAT = "rebound-project";
export const PROJECT_FILE_VERSION = 1;

const text = (max: number) => z.string().max(max);
const misconceptionName = z.string().max(200).nullable().default(null);

const contentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("MULTIPLE_CHOICE"),
    options: z.array(z.object({ text: text(2000), correct: z.boolean(), feedback: text(5000).default(""), misconception: misconceptionName })).max(50),
  }),
  z.object({
    kind: z.literal("NUMERIC"),
    answer: z.number(),
    tolerance: z.number().min(0),
    unit: text(100).default(""),
    wrongValues: z.array(z.object({ value: z.number(), feedback: text(5000).default(""), misconception: misconceptionName })).max(50).default([]),
    intermediateValues: z.array(z.object({ value: z.number(), label: text(500) })).max(50).default([]),
  }),
  z.object({ kind: z.literal("SHORT_TEXT"), modelAnswer: text(10_000).default("") }),
]);

const fileSchema = z.object({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.literal(PROJECT_FILE_VERSION),
  /** When Rebound wrote the file (app/domain/project-export); informative only. */
  exportedAt: z.string().max(40).optional(),
  project: z.object({ title: text(500), goal: text(5000), instructions: text(20_000).default("") }),
  misconceptions: z.array(z.object({ name: text(200), description: text(5000).default(""), nextStep: text(5000).default("") })).max(5000).default([]),
  checkpoints: z
    .array(
      z.object({
        title: text(1000),
        prompt: text(20_000),
        maxAttempts: z.number().int().nullable().default(null),
        content: contentSchema,
        recheckOf: z.array(text(200)).max(100).default([]),
      }),
    )
    .default([]),
  prompts: z
    .array(
      z.object({
        trigger: z.enum(["PROJECT", "CHECKPOINT", "AFTER_NOT_YET"]),
        title: text(500),
        questions: z.array(text(2000)).max(50),
        templateKey: z.string().max(100).nullable().default(null),
        checkpoint: z.number().int().min(0).nullable().default(null),
      }),
    )
    .max(500)
    .default([]),
  images: z.array(z.object({ key: z.string().max(50), mime: z.enum(IMAGE_MIMES), data: z.string() })).max(1000).default([]),
});

/** A project file as Rebound writes it (app/domain/project-export/project-file.ts) and reads it here. */
export type ProjectFile = z.output<typeof fileSchema>;

/** Whether a text is (the start of) a Rebound project file. */
export function looksLikeProjectFile(textStart: string): boolean {
  return /^\s*\{[\s\S]*"format"\s*:\s*"rebound-project"/.test(textStart.slice(0, 2000));
}

export function readProjectFile(source: string, addImage: (name: string, data: Uint8Array) => { key: string } | { why: string }, imagesOut: () => ParsedBank["images"]): ParsedBank {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ImportFileError("the file", `This project file is not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : "unreadable"}). Export the project again.`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join(".") : "the file";
    if (issue.path[0] === "version") throw new ImportFileError(where, "This project file comes from a newer version of Rebound. Update Rebound, then import it.");
    throw new ImportFileError(where, `This project file cannot be read at ${where}: ${issue.message}. Export the project again.`);
  }
  const file = parsed.data;
  const notes: string[] = [];
  const keys = new Map<string, string>();
  for (const image of file.images) {
    const data = fromBase64(image.data);
    if (!data || sniffImage(data) === null) {
      notes.push(`The picture ${image.key} in the file is damaged; its description is kept.`);
      continue;
    }
    const added = addImage(`file-${image.key}`, data);
    if ("why" in added) notes.push(added.why);
    else keys.set(image.key, added.key);
  }
  const relink = (t: string) =>
    t.replace(/!\[([^\]\n]{0,500})\]\(upload:([^()\s]{1,50})\)/g, (_, alt: string, key: string) => (keys.has(key) ? `![${alt}](upload:${keys.get(key)})` : `![${alt}]()`));
  const items: ImportedItem[] = file.checkpoints.map((c, i) => ({
    where: `checkpoint ${i + 1} (${c.title.slice(0, 60)})`,
    title: c.title,
    prompt: relink(c.prompt),
    content: relinkContent(c.content as ImportedContent, relink),
    maxAttempts: c.maxAttempts,
    recheckOf: c.recheckOf,
  }));
  const prompts: ImportedPrompt[] = file.prompts.map((p) => ({ trigger: p.trigger, title: p.title, questions: p.questions, templateKey: p.templateKey, itemIndex: p.checkpoint }));
  return { format: "rebound-json", items, skipped: [], misconceptions: file.misconceptions, images: imagesOut(), notes, project: file.project, prompts };
}

function relinkContent(content: ImportedContent, relink: (t: string) => string): ImportedContent {
  return content.kind === "MULTIPLE_CHOICE" ? { ...content, options: content.options.map((o) => ({ ...o, text: relink(o.text) })) } : content;
}
