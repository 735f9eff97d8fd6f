// What a project export is made from (issue 11, decision 022): the project's
// words, its misconceptions, its live checkpoints in order with their current
// version, its live reflection prompts and the pictures its questions show —
// read by app/models/project-export.server.ts behind the teacher's guard, and
// turned into a file by the pure writers beside this one (project-file.ts,
// gift.ts, qti.ts). Never any student work.
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { replaceImageRefs } from "~/domain/rich-text";
import type { ImageMime } from "~/domain/question-import/types";

export interface SnapshotMisconception {
  id: string;
  name: string;
  description: string;
  nextStep: string;
}

export interface SnapshotCheckpoint {
  title: string;
  prompt: string;
  maxAttempts: number | null;
  spec: CheckpointSpec;
  /** Ids of the misconceptions this checkpoint re-checks (decision 017). */
  recheckOf: string[];
}

export interface SnapshotPrompt {
  trigger: "PROJECT" | "CHECKPOINT" | "AFTER_NOT_YET";
  title: string;
  questions: string[];
  templateKey: string | null;
  /** The index in `checkpoints` of the checkpoint it sits beside or after; null for a project prompt. */
  checkpointIndex: number | null;
}

export interface ProjectSnapshot {
  title: string;
  goal: string;
  instructions: string;
  misconceptions: SnapshotMisconception[];
  checkpoints: SnapshotCheckpoint[];
  prompts: SnapshotPrompt[];
  /** The project's pictures by id (only those a question or an option shows are written). */
  images: Map<string, { mime: ImageMime; data: Uint8Array }>;
}

export interface ExportedImage {
  key: string;
  mime: ImageMime;
  data: Uint8Array;
}

/**
 * Numbers the pictures in the order the questions and options show them
 * ("1", "2", …) and gives a function that rewrites a text's `image:<id>`
 * references with `write(key, alt)`. A reference to a picture that is not the
 * project's keeps only its description (`![alt]()`), as the reader does.
 */
export function linkImages(snapshot: ProjectSnapshot) {
  const keys = new Map<string, string>();
  const images: ExportedImage[] = [];
  const texts = snapshot.checkpoints.flatMap((c) => [c.prompt, ...(c.spec.kind === "MULTIPLE_CHOICE" ? c.spec.options.map((o) => o.text) : [])]);
  for (const text of texts) {
    replaceImageRefs(text, (ref) => {
      const id = ref.startsWith("image:") ? ref.slice(6) : "";
      const image = snapshot.images.get(id);
      if (image && !keys.has(id)) {
        keys.set(id, String(images.length + 1));
        images.push({ key: String(images.length + 1), mime: image.mime, data: image.data });
      }
      return ref;
    });
  }
  /** The key of the picture a reference points at, or null. */
  const keyOf = (ref: string) => (ref.startsWith("image:") ? (keys.get(ref.slice(6)) ?? null) : null);
  return { images, keyOf };
}

export const IMAGE_EXTENSIONS: Record<ImageMime, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };

/** A file name from the project's title: plain letters and digits, dashes between words. */
export function exportFileName(title: string, extension: string): string {
  const slug =
    title
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "project";
  return `${slug}.${extension}`;
}

/** Base64 of bytes (no Buffer: the domain runs in the browser too). */
export function toBase64(data: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Misconception names by id, for the writers that carry names. */
export function misconceptionNames(snapshot: ProjectSnapshot): Map<string, string> {
  return new Map(snapshot.misconceptions.map((m) => [m.id, m.name]));
}
