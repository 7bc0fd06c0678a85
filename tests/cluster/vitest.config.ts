import { defineConfig } from "vitest/config";
import path from "node:path";

// The cluster suite (`npm run test:cluster`): starts deploy/cluster.ts — a PostgreSQL primary and
// streaming standby of their own, app servers and HAProxy — and drives it over HTTP. Not part of
// `npm test` (it needs HAProxy and PostgreSQL's server programs); .ci/run runs it after e2e.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "../..") } },
  test: {
    include: ["tests/cluster/**/*.test.ts"],
    root: path.resolve(__dirname, "../.."),
    environment: "node",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
