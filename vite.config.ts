/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    tailwindcss(),
    !isVitest &&
      remix({
        // Separate build folders let several end-to-end runs coexist (scripts/e2e-server.mjs).
        buildDirectory: process.env.REMIX_BUILD_DIR ?? "build",
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          // Off (decision 016): the browser loads the whole route manifest as one cached file instead of the server matching every path segment of each page again to send part of it.
        },
      }),
    tsconfigPaths(),
  ],
  test: {
    include: ["app/**/*.test.ts", "app/**/*.test.tsx", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/per-worker.ts"],
    pool: "forks",
    testTimeout: 20000,
  },
});
