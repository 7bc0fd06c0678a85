import crypto from "node:crypto";
import { afterAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { workerDatabaseUrl } from "./test-databases";

// This worker's own copy of the run's migrated template (decision 0016).
process.env.DATABASE_URL = await workerDatabaseUrl();
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-not-for-production";
// Cases issue signed letters on approval and rejection: every test process needs a key.
process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");
afterAll(async () => {
  await disconnectDb();
});
