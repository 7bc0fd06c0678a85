/**
 * `npm test`: unit tests, then integration tests on a real PostgreSQL database created for the
 * run (tests/setup/global-setup.ts). It finds a server as tests/tools/postgres.ts says and fails
 * with a clear message when none is reachable: integration tests are never skipped.
 */
import fs from "node:fs";
import { ensurePostgres } from "./postgres";
import { bin, run } from "@/lib/cli/run";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const url = await ensurePostgres();
  process.env.TEST_DATABASE_URL = url;
  if (!fs.existsSync("lib/generated/prisma/client.ts")) await run(bin("prisma"), ["generate"]);
  await run(bin("vitest"), ["run", ...process.argv.slice(2)]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
