import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// `npm run test:postgres` runs the tests tagged @postgres against PostgreSQL (E2E_POSTGRES_URL, two app
// servers on one database); the default run is on SQLite and leaves them out (decision 011).
const POSTGRES = Boolean(process.env.E2E_POSTGRES_URL);
process.env.E2E_SECOND_PORT ??= String(PORT + 1000);
const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  grep: POSTGRES ? /@postgres/ : undefined,
  grepInvert: POSTGRES ? undefined : /@postgres/,
  // The journeys run under the real Content-Security-Policy; any violation fails the run.
  globalTeardown: "./tests/e2e/csp-teardown.ts",
  outputDir: PORT === 3100 ? "test-results" : `test-results-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: systemChromium,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), E2E_SECOND_PORT: process.env.E2E_SECOND_PORT, ...(POSTGRES ? { E2E_SERVERS: "2" } : {}) },
  },
});
