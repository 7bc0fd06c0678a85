import { db } from "@/lib/db/client";
import { apiError } from "./api";
import type { Translator } from "@/lib/i18n/translate";

export interface RateLimitRule {
  /** What is limited, e.g. "sign-in" or "verify". */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Per client address. Generous enough for a whole office behind one NAT address signing in at
 * nine o'clock; brute force on one account is stopped by the lockout (lib/auth/sign-in.ts).
 */
export const rateLimits = {
  signIn: { name: "sign-in", limit: 120, windowSeconds: 60 },
  token: { name: "token", limit: 120, windowSeconds: 60 },
  verify: { name: "verify", limit: 60, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * The client's address as the reverse proxy reports it (first X-Forwarded-For hop), else
 * "local". Only meaningful behind a proxy that sets the header; bounded in length.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "local").slice(0, 64);
}

/**
 * Counts one request in the current fixed window (one upsert statement, so concurrent requests
 * on any number of web servers count exactly) and says whether it is over the limit, with the
 * seconds until the window ends. Old windows are pruned now and then.
 */
export async function hitRateLimit(rule: RateLimitRule, subject: string, now = new Date()) {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${rule.name}:${subject}`.slice(0, 200);
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimit" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimit".count + 1
    RETURNING count`;
  if (Math.random() < 0.01) await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3600_000) } } });
  const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { limited: rows[0].count > rule.limit, retryAfter };
}

/** A 429 response (Retry-After) when the request is over the limit, else null. */
export async function rateLimitResponse(request: Request, rule: RateLimitRule, t: Translator): Promise<Response | null> {
  const { limited, retryAfter } = await hitRateLimit(rule, clientAddress(request.headers));
  return limited ? apiError("rate_limited", t("errors.rateLimited"), undefined, { "retry-after": String(retryAfter) }) : null;
}
