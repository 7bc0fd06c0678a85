import { z } from "zod";
import { db } from "@/lib/db/client";
import { isStorableText } from "@/lib/http/api";
import { dummyVerify, verifyPassword } from "./password";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export const credentialsSchema = z.object({
  // NUL or a lone surrogate in a username made the lookup throw (a 500 on the sign-in form).
  username: z.string().trim().min(1).max(64).refine(isStorableText),
  password: z.string().min(1).max(256),
});

export interface AuthenticatedUser {
  id: string;
  name: string;
}

/**
 * Checks a username and password under the lockout rule: the 5th failed attempt in a row locks
 * the account for 15 minutes, during which even the right password is refused. The caller shows
 * one neutral message for every refusal, so nobody learns whether a user exists or is locked.
 * Malformed input (wrong types, empty, huge) is refused without touching the database.
 */
export async function authenticate(input: unknown, now = new Date()): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, name: true, active: true, lockedUntil: true, failedLoginCount: true, passwordHash: true },
  });
  if (!user || !user.active || (user.lockedUntil && user.lockedUntil > now)) {
    await dummyVerify(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    // One atomic statement: parallel wrong attempts cannot lose a count between read and write.
    await db.$executeRaw`
      UPDATE "User" SET
        "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_ATTEMPTS} THEN ${lockUntil} ELSE "lockedUntil" END,
        "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_ATTEMPTS} THEN 0 ELSE "failedLoginCount" + 1 END
      WHERE id = ${user.id}::uuid`;
    return null;
  }
  if (user.failedLoginCount > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  }
  return { id: user.id, name: user.name };
}
