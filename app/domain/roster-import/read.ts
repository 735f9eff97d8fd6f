// One entry for every roster file: a zip is a OneRoster export (unpacked
// within the limits, with the question import's zip reader, fflate), anything
// else a CSV roster. Throws RosterFileError (where and why, per file and row)
// for a file that cannot be imported at all.
import { unzipSync } from "fflate";
import { cleanFormText } from "~/domain/form-data";
import { mb } from "~/domain/question-import/limits";
import { readCsvRoster } from "./csv-roster";
import { ROSTER_LIMITS } from "./limits";
import { looksLikeOneRoster, readOneRoster } from "./oneroster";
import { RosterFileError, type Roster } from "./types";

const decoder = new TextDecoder("utf-8");
const asText = (bytes: Uint8Array) => cleanFormText(decoder.decode(bytes));
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);

function unzipRoster(bytes: Uint8Array): Map<string, string> {
  const refuse = (why: string) => new RosterFileError([{ where: "the zip", why }]);
  let entries = 0;
  let expanded = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith("/") || file.name.startsWith("__MACOSX/") || /(^|\/)\.[^/]*$/.test(file.name)) return false;
        entries++;
        expanded += file.originalSize;
        if (entries > ROSTER_LIMITS.zipEntries) throw refuse(`The zip holds more than ${ROSTER_LIMITS.zipEntries} files; a OneRoster export has about ten.`);
        if (expanded > ROSTER_LIMITS.zipExpandedBytes) throw refuse(`The zip's files come to more than ${mb(ROSTER_LIMITS.zipExpandedBytes)} unpacked; one import takes at most ${mb(ROSTER_LIMITS.zipExpandedBytes)}.`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw refuse("This zip cannot be opened: it may be damaged or cut short. Export it again and send it.");
  }
  // The sizes a zip declares were checked before unpacking; the real ones count too.
  const real = Object.values(files).reduce((n, d) => n + d.byteLength, 0);
  if (real > ROSTER_LIMITS.zipExpandedBytes) throw refuse(`The zip's files come to more than ${mb(ROSTER_LIMITS.zipExpandedBytes)} unpacked; one import takes at most ${mb(ROSTER_LIMITS.zipExpandedBytes)}.`);
  return new Map(Object.entries(files).map(([name, data]) => [name, asText(data)]));
}

/** Reads a roster file as sent: a OneRoster zip, or a CSV of names and emails. */
export function readRosterFile(name: string, bytes: Uint8Array): Roster {
  if (bytes.byteLength === 0) throw new RosterFileError([{ where: "the file", why: "The file is empty." }]);
  if (bytes.byteLength > ROSTER_LIMITS.uploadBytes) {
    throw new RosterFileError([{ where: "the file", why: `The file is ${mb(bytes.byteLength)}; one import takes at most ${mb(ROSTER_LIMITS.uploadBytes)}.` }]);
  }
  if (isZip(bytes)) {
    const files = unzipRoster(bytes);
    if (!looksLikeOneRoster([...files.keys()])) {
      throw new RosterFileError([{ where: "the zip", why: "This zip is not a OneRoster export: it has no manifest.csv (nor users.csv and enrollments.csv)." }]);
    }
    return readOneRoster(files);
  }
  return readCsvRoster(asText(bytes), name || "the file");
}
