import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CALC_KINDS } from "@/lib/domain/calc";
import { callCalc } from "./calc-client";

// A copy of shared/domain/golden.json: the app never reads ../shared at run time.
interface GoldenCase {
  id: string;
  kind: string;
  input: unknown;
  expected: Record<string, unknown>;
}
const golden = JSON.parse(
  readFileSync(path.join(__dirname, "../fixtures/golden.json"), "utf8"),
) as { cases: GoldenCase[] };

describe("golden cases through POST /api/v1/calc/{kind}", () => {
  test("the fixture covers every kind of docs/calc-api.md", () => {
    expect(new Set(golden.cases.map((c) => c.kind))).toEqual(new Set(CALC_KINDS));
  });

  test.each(golden.cases.map((c) => [`${c.id} (${c.kind})`, c] as const))("%s", async (_label, c) => {
    const { status, body } = await callCalc(c.kind, c.input);
    expect(status, JSON.stringify(body)).toBe(200);
    for (const [field, value] of Object.entries(c.expected)) {
      expect(body[field], `${c.id}.${field}`).toEqual(value);
    }
  });
});
