import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-not-for-production";
afterAll(async () => {
  await disconnectDb();
});
