/**
 * `npm start`: the one-command demo, and `npm run dev`. On a fresh machine with no environment:
 * keeps its own secrets under .data/, starts the embedded database (PGlite) when DATABASE_URL is
 * unset, generates the Prisma client, applies migrations, seeds the demo when there are no
 * offices, builds when no build exists, and serves on PORT (default 3000).
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { config as loadEnv } from "dotenv";
import { ensureSecrets } from "@/lib/secrets";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { bin, run } from "./run";

loadEnv({ quiet: true });
const dev = process.argv.includes("--dev");
const root = process.cwd();
const dataDir = path.join(root, ".data");
const port = process.env.PORT ?? "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main() {
  ensureSecrets(dataDir);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    console.log("[jingban] DATABASE_URL is not set: starting the embedded database under .data/pglite");
    embedded = await startEmbeddedDatabase(path.join(dataDir, "pglite"));
    process.env.DATABASE_URL = embedded.url;
  }

  if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) await run(bin("prisma"), ["generate"]);
  console.log("[jingban] applying migrations");
  await run(bin("prisma"), ["migrate", "deploy"]);

  const { seedDemoIfEmpty } = await import("@/prisma/seed/demo");
  const { disconnectDb } = await import("@/lib/db/client");
  await seedDemoIfEmpty();
  await disconnectDb();

  if (!dev && !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("[jingban] no build found: building (about a minute)");
    await run(bin("next"), ["build"]);
  }

  console.log(`[jingban] serving on http://localhost:${port}`);
  // Its own process group: `next start` forks next-server, which a plain kill would leave running.
  const server = spawn(bin("next"), [dev ? "dev" : "start", "-p", port], { stdio: "inherit", env: process.env, detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      server.kill("SIGTERM");
    }
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    await embedded?.stop().catch(() => undefined);
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error("[jingban] start failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
