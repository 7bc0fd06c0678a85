/**
 * The app's own secrets for a machine with no configuration: created on first start and kept
 * in .data/secrets.json (mode 0600), so sessions and signed documents survive restarts.
 * In production set NEXTAUTH_SECRET and JINGBAN_SIGNING_KEY (base64 of a PKCS#8 PEM Ed25519 key)
 * instead; environment variables always win.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

interface StoredSecrets {
  nextAuthSecret: string;
  signingKeyPem: string;
}

export function ensureSecrets(dataDir: string): void {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<StoredSecrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StoredSecrets>;
  let changed = false;
  if (!stored.nextAuthSecret) {
    stored.nextAuthSecret = crypto.randomBytes(32).toString("base64url");
    changed = true;
  }
  if (!stored.signingKeyPem) {
    const { privateKey } = crypto.generateKeyPairSync("ed25519");
    stored.signingKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET ??= stored.nextAuthSecret;
  process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(stored.signingKeyPem!).toString("base64");
}
