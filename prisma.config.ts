import path from "node:path";
import { config as loadEnv } from "dotenv";
import { defineConfig } from "prisma/config";
import { MigrationAdapterFactory } from "./lib/db/migration-adapter";

// Prisma 6.19 with the JavaScript schema engine (shared/STACK.md): nothing downloads a binary.
// The CLI needs DATABASE_URL set for every command, `generate` included, or it tries to fetch
// an engine. With none set (embedded mode, or a fresh clone running `prisma generate`) a
// placeholder is used; `npm start` sets the real URL of the embedded server before migrating.
loadEnv({ quiet: true });
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new MigrationAdapterFactory(process.env.DATABASE_URL!),
});
