import { describe, expect, test } from "vitest";
import { hitRateLimit, rateLimitResponse } from "@/lib/http/rate-limit";
import { getTranslator } from "@/lib/i18n/translate";

describe("rate limits counted in PostgreSQL", () => {
  test("concurrent hits are all counted and the one over the limit is refused", async () => {
    const rule = { name: `test-${Date.now()}`, limit: 10, windowSeconds: 60 };
    const now = new Date("2026-11-21T10:00:30Z");
    const results = await Promise.all(Array.from({ length: 15 }, () => hitRateLimit(rule, "10.0.0.1", now)));
    expect(results.filter((r) => r.limited)).toHaveLength(5);
    expect(results.every((r) => r.retryAfter === 30)).toBe(true);
    // another address and the next window start afresh
    expect((await hitRateLimit(rule, "10.0.0.2", now)).limited).toBe(false);
    expect((await hitRateLimit(rule, "10.0.0.1", new Date("2026-11-21T10:01:00Z"))).limited).toBe(false);
  });

  test("the response is a 429 with Retry-After in the caller's language", async () => {
    const rule = { name: `test429-${Date.now()}`, limit: 1, windowSeconds: 60 };
    const request = () => new Request("http://localhost/x", { headers: { "x-forwarded-for": "192.0.2.7, 10.0.0.1" } });
    const t = getTranslator("en");
    expect(await rateLimitResponse(request(), rule, t)).toBeNull();
    const refused = await rateLimitResponse(request(), rule, t);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused!.json()).error.code).toBe("rate_limited");
  });
});
