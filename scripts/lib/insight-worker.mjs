// The insight report's worker thread (app/models/insight-worker.server.ts;
// decision 015): loads the production server build given in workerData (with
// its own database connection, from the same settings) and answers each
// { id, project, textGroups } with { id, report } (null when the project has
// gone) or { id, error }, one at a time. { close: true } closes the database
// connection and ends the thread.
import { parentPort, workerData } from "node:worker_threads";

const build = await import(workerData.build);
const { buildInsightReportHere, closeDatabase } = build.entry.module;

parentPort.on("message", async (message) => {
  if (message.close) {
    await closeDatabase().catch(() => {});
    parentPort.close();
    return;
  }
  const { id, project, textGroups } = message;
  try {
    parentPort.postMessage({ id, report: await buildInsightReportHere(project, textGroups) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
