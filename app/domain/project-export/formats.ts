// The three ways a project leaves Rebound (decision 022), with what each
// carries and leaves out, in the words the Build page shows beside the links.
import { GIFT_LEAVES_OUT } from "./gift";
import { QTI_LEAVES_OUT } from "./qti";

export const PROJECT_EXPORT_FORMATS = ["json", "gift", "qti"] as const;
export type ProjectExportFormat = (typeof PROJECT_EXPORT_FORMATS)[number];

export function parseProjectExportFormat(value: string | null | undefined): ProjectExportFormat | null {
  return (PROJECT_EXPORT_FORMATS as readonly string[]).includes(value ?? "") ? (value as ProjectExportFormat) : null;
}

export const PROJECT_EXPORTS: Record<ProjectExportFormat, { label: string; extension: string; contentType: string; carries: string; leavesOut: string | null }> = {
  json: {
    label: "Rebound project file (.json)",
    extension: "json",
    contentType: "application/json; charset=utf-8",
    carries: "everything you built: the goal and instructions, the checkpoints with their current version and settings, the misconceptions and which wrong answers show them, re-checks, reflection prompts and pictures. Import it into another class, or give it to a colleague.",
    leavesOut: "student work, and archived checkpoints and prompts",
  },
  gift: {
    label: "Moodle GIFT (.gift)",
    extension: "gift",
    contentType: "text/plain; charset=utf-8",
    carries: "the questions, answers and feedback, for Moodle and other quiz tools.",
    leavesOut: GIFT_LEAVES_OUT,
  },
  qti: {
    label: "QTI 3.0 package (.zip)",
    extension: "zip",
    contentType: "application/zip",
    carries: "the questions, answers, feedback, units and pictures, for learning platforms that read QTI.",
    leavesOut: QTI_LEAVES_OUT,
  },
};
