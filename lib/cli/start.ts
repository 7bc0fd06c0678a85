/**
 * `npm start`: the one-command demo, and `npm run dev`. On a fresh machine with no environment it
 * starts the embedded database, migrates, seeds the demo, builds when no build exists and serves
 * on PORT (default 3000); the steps are in ./boot.ts, shared with the e2e server.
 */
import { config as loadEnv } from "dotenv";
import { boot } from "./boot";

loadEnv({ quiet: true });

boot({ dev: process.argv.includes("--dev"), build: "if-missing" })
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error("[jingban] start failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
