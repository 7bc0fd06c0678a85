/**
 * The steps behind `npm start`, `npm run dev` and the e2e server (tests/tools/e2e-server.ts), in one
 * place so that the e2e run serves the app exactly as a user starts it: keep the app's own
 * secrets under .data/, start the embedded database (PGlite) when DATABASE_URL is unset, generate
 * the Prisma client if missing, apply migrations, seed the demo when there are no offices, build
 * (always, or only when no build exists), and serve on the given port until SIGINT/SIGTERM.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { ensureSecrets } from "@/lib/secrets";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { bin, run } from "./run";

export interface BootOptions {
  /** `next dev` instead of `next start` (never builds). */
  dev?: boolean;
  /** "always" for e2e (never test a stale build), "if-missing" for the demo. */
  build?: "always" | "if-missing";
  port?: string;
  /** Runs after migrate and seed, before the build (e.g. the e2e run's own fixtures). */
  afterSeed?: () => Promise<void>;
  /** Runs once the server has exited, before this process exits (e.g. drop a database). */
  onExit?: () => Promise<void>;
}

const log = (message: string) => console.log(`[jingban] ${message}`);

/** Resolves with the server's exit code once it has stopped and `onExit` has run. */
export async function boot(options: BootOptions = {}): Promise<number> {
  const { dev = false, build = "if-missing", port = process.env.PORT ?? "3000", afterSeed, onExit } = options;
  const root = process.cwd();
  const dataDir = path.join(root, ".data");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureSecrets(dataDir);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    log("DATABASE_URL is not set: starting the embedded database under .data/pglite");
    embedded = await startEmbeddedDatabase(path.join(dataDir, "pglite"));
    process.env.DATABASE_URL = embedded.url;
  }
  const cleanUp = async () => {
    await embedded?.stop().catch(() => undefined);
    await onExit?.().catch((error: unknown) => console.error("[jingban] clean-up failed:", error));
  };

  try {
    if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) await run(bin("prisma"), ["generate"]);
    log("applying migrations");
    await run(bin("prisma"), ["migrate", "deploy"]);

    const { seedDemoIfEmpty } = await import("@/prisma/seed/demo");
    const { disconnectDb } = await import("@/lib/db/client");
    await seedDemoIfEmpty();
    await afterSeed?.();
    await disconnectDb();

    if (!dev && (build === "always" || !fs.existsSync(path.join(root, ".next/BUILD_ID")))) {
      log(build === "always" ? "building" : "no build found: building (about a minute)");
      await run(bin("next"), ["build"]);
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }

  log(`serving on http://localhost:${port}`);
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
  const code = await new Promise<number>((resolve) => server.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await cleanUp();
  return code;
}
