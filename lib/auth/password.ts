import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (19 MiB, 2 iterations): ~85 ms here.
const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum: not importable with isolatedModules) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the user does not exist keeps the timing the same, so the
// response time does not reveal whether a username exists.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("jingban-no-such-user");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
