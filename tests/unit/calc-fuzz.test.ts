import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { CALC_KINDS } from "@/lib/domain/calc";
import { callCalc } from "./calc-client";

/**
 * Hostile input to every kind: the answer is always 200, 400 or 404 with the error shape, never
 * 500 — and the route's last-resort catch (which logs with console.error) never fires, because
 * that would mean a schema let through something the rules cannot take.
 */
const golden = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/golden.json"), "utf8")) as {
  cases: { kind: string; input: Record<string, unknown> }[];
};

const hostileString = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "",
  " ",
  "-0",
  "-1",
  "0",
  "1e999",
  "1e-999",
  "NaN",
  "Infinity",
  "0x10",
  "9".repeat(400),
  "0." + "9".repeat(400),
  "2024-13",
  "2024-00",
  "2024-02-30",
  "1949-12",
  "2101-01",
  "0000-01",
  "9999-12",
  "2024-06",
  "2024-06-01",
  "\u0000",
  "\u202e",
  "河南",
  "<script>alert(1)</script>",
  "'; DROP TABLE cases; --",
  "{{year}}",
  "{year}",
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.string(),
  fc.constantFrom(-1, 0, 1, 1.5, 1e308, -1e308, 2 ** 53, 12, 13, 1200, 1201, 1949, 2101, true, false, null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

type Json = unknown;

/** All paths into a JSON value (object keys and array indexes). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(value: Json, at: (string | number)[], replacement: unknown, remove: boolean): Json {
  if (at.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  expect(errorSpy).not.toHaveBeenCalled();
  errorSpy.mockRestore();
});

async function expectWellFormed(kind: string, body: unknown, raw?: string) {
  const { status, body: answer } = await callCalc(kind, body, raw === undefined ? {} : { raw });
  expect([200, 400, 404, 413]).toContain(status);
  if (status !== 200) {
    const error = answer.error as { code: string; message: string; issues?: { path: string; message: string }[] };
    expect(typeof error.code).toBe("string");
    expect(typeof error.message).toBe("string");
    if (error.issues) for (const issue of error.issues) expect(typeof issue.message).toBe("string");
  }
  return status;
}

describe.each(CALC_KINDS.map((k) => [k]))("fuzz %s", (kind) => {
  const seeds = golden.cases.filter((c) => c.kind === kind).map((c) => c.input);

  test("anything() as the body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }), async (value) => {
        let raw: string | undefined;
        try {
          raw = JSON.stringify(value);
        } catch {
          return; // not representable as JSON, nothing to send
        }
        await expectWellFormed(kind, undefined, raw ?? "");
      }),
      { numRuns: 60 },
    );
  });

  test("a valid input with one field replaced or removed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.nat(), hostileValue, fc.boolean(), async (seed, pick, replacement, remove) => {
        const all = paths(seed);
        const at = all[pick % all.length];
        await expectWellFormed(kind, setAt(seed, at, replacement, remove));
      }),
      { numRuns: 150 },
    );
  });

  test("prototype keys, deep nesting and non-JSON bodies", async () => {
    const seed = JSON.stringify(seeds[0]);
    const bodies = [
      `{"__proto__": {"polluted": true}, ${seed.slice(1)}`,
      `{"constructor": {"prototype": {"polluted": true}}, ${seed.slice(1)}`,
      `${seed.slice(0, -1)}, "__proto__": null}`,
      '{"rates": {"__proto__": "0.05"}}',
      "[".repeat(5000) + "]".repeat(5000),
      '{"a":'.repeat(2000) + "1" + "}".repeat(2000),
      "",
      "null",
      "42",
      '"text"',
      "{not json",
      "\u0000",
    ];
    for (const raw of bodies) await expectWellFormed(kind, undefined, raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

test("an unknown kind is a 404 whatever the body", async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 }), async (kind, body) => {
      fc.pre(!(CALC_KINDS as string[]).includes(kind));
      expect(await expectWellFormed(kind, body)).toBe(404);
    }),
    { numRuns: 50 },
  );
});
