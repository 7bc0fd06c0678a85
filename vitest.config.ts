import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: `unit` is pure and fast; `integration` runs on real PostgreSQL databases: one
// template migrated by tests/setup/global-setup.ts and one copy of it per worker
// (tests/setup/test-databases.ts; decisions 0003 and 0016), so integration files run in parallel.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    // Measured on the 2-core machine (decision 0016): 3 workers.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
          environment: "node",
          // Rasterising a printed page at 300 dpi (the QR checks, tests/factories/pdf.ts) is a
          // second or two of CPU and passed the 5 s default once on a loaded 2-core machine.
          // A ceiling against hangs, not a timing: speed is measured by npm run bench.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
