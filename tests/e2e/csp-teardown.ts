// After the end-to-end run: any Content-Security-Policy violation a browser
// reported to the server (scripts/server.mjs writes them to this file) fails
// the run, whichever page or browser context it came from.
import fs from "node:fs";
import path from "node:path";

export default function cspTeardown() {
  const port = process.env.E2E_PORT ?? "3100";
  const file = path.resolve(import.meta.dirname, "..", ".tmp", `csp-${port}.log`);
  const reports = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  if (reports) throw new Error(`Content-Security-Policy violations during the run:\n${reports}`);
}
