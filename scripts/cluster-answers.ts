// npm run -s cluster-answers < in.jsonl > out.jsonl
//
// Reads JSON lines {"id": string, "question": string, "answer": string} from
// stdin, clusters each question's answers separately with the app's own
// clustering (app/domain/insight/text-clustering.ts, default settings), and
// writes one line {"id": string, "cluster": string} per input line, in input
// order. Cluster ids are unique within a question. Blank lines are skipped.
// Bad input: a message on stderr naming the lines, exit code 1, nothing on stdout.
import { clusterByQuestion, type QuestionAnswer } from "../app/domain/insight/text-clustering";

const MAX_REPORTED = 10;

function parseLines(input: string): { records: QuestionAnswer[]; errors: string[] } {
  const records: QuestionAnswer[] = [];
  const errors: string[] = [];
  const lines = input.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push(`${where}: not valid JSON`);
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      errors.push(`${where}: expected an object like {"id": "...", "question": "...", "answer": "..."}`);
      return;
    }
    const record = value as Record<string, unknown>;
    const wrong = (["id", "question", "answer"] as const).filter((k) => typeof record[k] !== "string");
    if (wrong.length > 0) {
      errors.push(`${where}: ${wrong.map((k) => `"${k}"`).join(", ")} must be ${wrong.length > 1 ? "strings" : "a string"}`);
      return;
    }
    records.push({ id: record.id as string, question: record.question as string, answer: record.answer as string });
  });
  return { records, errors };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<number> {
  const { records, errors } = parseLines(await readStdin());
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_REPORTED).map((e) => `  ${e}`);
    if (errors.length > MAX_REPORTED) shown.push(`  … and ${errors.length - MAX_REPORTED} more`);
    process.stderr.write(`cluster-answers: ${errors.length} bad input line${errors.length > 1 ? "s" : ""}:\n${shown.join("\n")}\n`);
    return 1;
  }
  const clusters = clusterByQuestion(records);
  const out = records.map((r, i) => JSON.stringify({ id: r.id, cluster: clusters[i] })).join("\n");
  if (out) process.stdout.write(out + "\n");
  return 0;
}

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cluster-answers: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
