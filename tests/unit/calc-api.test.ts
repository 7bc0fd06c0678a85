import { afterEach, describe, expect, test, vi } from "vitest";
import { generateCreditCode, generateIdNumber } from "@/lib/domain";
import { runCalc } from "@/lib/domain/calc";
import { callCalc } from "./calc-client";

const E1_HISTORY = [
  { from: "2019-01", to: "2019-12", monthlyBase: "6000" },
  { from: "2020-01", to: "2020-12", monthlyBase: "6300" },
];
const RATES = { "2019": "0.0761", "2020": "0.0604" };
const pa = (patch: Record<string, unknown>) => ({ history: E1_HISTORY, rates: RATES, throughYear: 2020, ...patch });

type Issue = { path: string; message: string };
const issuesOf = (body: Record<string, unknown>) => (body.error as { issues?: Issue[] }).issues ?? [];

describe("POST /api/v1/calc/{kind}: 400 for malformed input, with field paths", () => {
  test.each([
    ["a month like 2024-13", "personal-account", pa({ history: [{ from: "2019-01", to: "2024-13", monthlyBase: "6000" }] }), "history.0.to", "Enter a month as YYYY-MM"],
    ["a negative base", "personal-account", pa({ history: [{ from: "2019-01", to: "2019-12", monthlyBase: "-6000" }] }), "history.0.monthlyBase", "must not be negative"],
    ["a base as a JSON number", "personal-account", pa({ history: [{ from: "2019-01", to: "2019-12", monthlyBase: 6000 }] }), "history.0.monthlyBase", "decimal string"],
    ["a rate as a JSON number", "personal-account", pa({ rates: { "2019": 0.0761, "2020": "0.0604" } }), "rates.2019", "decimal string"],
    ["a rate above 1", "personal-account", pa({ accountRate: "8" }), "accountRate", "between 0 and 1"],
    ["an exponent", "base-clamp", { wage: "1e5", averageWage: "8000" }, "wage", "decimal string"],
    ["a row ending before it starts", "personal-account", pa({ history: [{ from: "2019-12", to: "2019-01", monthlyBase: "6000" }] }), "history.0.to", "end month"],
    ["overlapping rows", "personal-account", pa({ history: [...E1_HISTORY, { from: "2020-06", to: "2020-07", monthlyBase: "1" }] }), "history.2.from", "2020-06"],
    ["a missing crediting rate", "personal-account", pa({ rates: { "2019": "0.0761" } }), "rates", "2020"],
    ["a year outside 1950–2100", "personal-account", pa({ throughYear: 2200 }), "throughYear", "1950"],
    ["a rates key that is not a year", "personal-account", pa({ rates: { ...RATES, abc: "0.01" } }), "rates.abc", "1950"],
    ["a missing field", "surrender", { ground: "death", history: [], rates: {} }, "terminationMonth", "required"],
    ["an unknown field (a misspelt option)", "pooled-transfer", { history: E1_HISTORY, temporaryAcount: true }, "temporaryAcount", "not expected"],
    ["a temporary account without the employer rate", "pooled-transfer", { history: E1_HISTORY, temporaryAccount: true }, "employerRate", "employer"],
    ["surrender without a rate for the termination year", "surrender", { ground: "death", history: E1_HISTORY, rates: RATES, terminationMonth: "2021-06" }, "rates", "2021"],
    ["a payer type outside the list", "duplicate-refund", { a: { payerType: "boss", monthlyBase: "1", rate: "0.2" }, b: { payerType: "employer", monthlyBase: "1", rate: "0.2" }, overlapMonths: 1 }, "a.payerType", "payer type"],
    ["two employers without keep", "duplicate-refund", { a: { payerType: "employer", monthlyBase: "1", rate: "0.2" }, b: { payerType: "employer", monthlyBase: "1", rate: "0.2" }, overlapMonths: 1 }, "keep", "which one to keep"],
    ["months as a string", "resident-overlap", { annualIndividual: "1000", annualCollective: "100", overlapMonths: "6" }, "overlapMonths", "whole number"],
    ["13 overlap months in a year", "resident-overlap", { annualIndividual: "1000", annualCollective: "100", overlapMonths: 13 }, "overlapMonths", "too large"],
    ["an impossible date", "working-days", { start: "2026-02-30", days: 3 }, "start", "YYYY-MM-DD"],
    ["an impossible holiday", "working-days", { start: "2026-02-03", days: 3, holidays: ["2026-13-01"] }, "holidays.0", "YYYY-MM-DD"],
    ["a body that is an array", "base-clamp", [1, 2], "(body)", "JSON object"],
    ["a body that is null", "id-number", null, "(body)", "JSON object"],
    ["too many history rows", "pooled-transfer", { history: Array.from({ length: 1201 }, (_, i) => ({ from: "2000-01", to: "2000-01", monthlyBase: String(i) })) }, "history", "too large"],
    ["no stints", "benefit-place", { hukou: "河南", stints: [] }, "stints", "required"],
    ["sex other than M/F", "temporary-account", { sex: "X", birthDate: "1980-01-01", hukouProvince: "湖南", newProvince: "浙江", enrolmentDate: "2023-01-01" }, "sex", "M or F"],
  ])("%s → 400", async (_label, kind, input, path, text) => {
    const { status, body } = await callCalc(kind, input);
    expect(status).toBe(400);
    const issues = issuesOf(body);
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.message).toContain(text);
  });

  test("the message follows Accept-Language", async () => {
    const { body } = await callCalc("personal-account", pa({ rates: { "2019": "0.0761" } }), { lang: "zh-CN" });
    expect(issuesOf(body)[0].message).toBe("缺少 2020 年的记账利率，请提供该利率或临时利率。");
  });

  test("invalid JSON is a 400", async () => {
    const { status, body } = await callCalc("base-clamp", undefined, { raw: "{not json" });
    expect(status).toBe(400);
    expect((body.error as { code: string }).code).toBe("bad_request");
  });

  test("an unknown kind is a 404 naming it", async () => {
    const { status, body } = await callCalc("lottery", {});
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: "not_found", message: "Unknown calculation kind: lottery." });
  });

  test.each([["__proto__"], ["constructor"], ["toString"], ["hasOwnProperty"]])("kind %s is unknown, not a crash", async (kind) => {
    expect((await callCalc(kind, {})).status).toBe(404);
  });
});

describe("POST /api/v1/calc/{kind}: answers", () => {
  test("personal-account years carry a numeric year and money with two decimals", async () => {
    const { status, body } = await callCalc("personal-account", pa({}));
    expect(status).toBe(200);
    expect(body.years).toEqual([
      { year: 2019, principal: "5760.00", interest: "237.43", closingBalance: "5997.43" },
      { year: 2020, principal: "6048.00", interest: "560.12", closingBalance: "12605.55" },
    ]);
  });

  test("throughYear defaults to the last history year", async () => {
    const { body } = await callCalc("personal-account", { history: E1_HISTORY, rates: RATES });
    expect(body.closingBalance).toBe("12605.55");
  });

  test("every result carries a bilingual receipt citing its legal source", async () => {
    const { body } = await callCalc("personal-account", pa({}));
    const explanation = body.explanation as { sources: { id: string; zh: string }[]; lines: unknown[]; rule: { zh: string; en: string } };
    expect(explanation.sources[0]).toMatchObject({ id: "labor-1997-116", zh: expect.stringContaining("劳办发〔1997〕116号") });
    expect(explanation.lines).toHaveLength(2);
    expect(explanation.rule.en).toContain("Month-product");
  });

  test("surrender that does not pay says why", async () => {
    const { body } = await callCalc("surrender", { ground: "resignation", history: [], terminationMonth: "2024-06" });
    expect(body).toMatchObject({ eligible: false, reason: "no-early-withdrawal" });
    expect(body.payout).toBeUndefined();
  });

  test("surrender lists the documents the ground needs", async () => {
    const { body } = await callCalc("surrender", {
      ground: "foreign-national-leaving",
      history: E1_HISTORY,
      rates: { ...RATES, "2021": "0.0669" },
      terminationMonth: "2021-03",
    });
    expect(body.requiredDocuments).toEqual(expect.arrayContaining([{ kind: "passport", required: true }]));
  });

  test("duplicate-refund with keep decides a pair the table leaves open", async () => {
    const { status, body } = await callCalc("duplicate-refund", {
      a: { payerType: "employer", monthlyBase: "6000", rate: "0.24" },
      b: { payerType: "employer", monthlyBase: "5000", rate: "0.24" },
      overlapMonths: 2,
      keep: "a",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ refund: "b", amount: "2400.00", rule: null });
  });

  test("working-days without lists uses the built-in official calendar", async () => {
    const { status, body } = await callCalc("working-days", { start: "2026-09-21", days: 15 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ due: "2026-10-19", calendar: "built-in", uncoveredYears: [] });
  });

  test("working-days beyond the built-in years says so", async () => {
    const { body } = await callCalc("working-days", { start: "2027-03-01", days: 5 });
    expect(body).toMatchObject({ due: "2027-03-08", uncoveredYears: [2027] });
  });

  test("runCalc without a default calendar counts weekends only", () => {
    const outcome = runCalc("working-days", { start: "2026-09-30", days: 1 });
    expect(outcome).toMatchObject({ ok: true, result: { due: "2026-10-01", calendar: "none" } });
  });

  test("runCalc reports an unknown kind as data", () => {
    expect(runCalc("nope", {})).toEqual({ ok: false, kind: "unknown-kind" });
  });
});

describe("POST /api/v1/calc/id-number: a birth date after today in Asia/Shanghai is invalid (issue 13)", () => {
  afterEach(() => void vi.useRealTimers());
  const bornIn2030 = generateIdNumber({ addressCode: "440305", birthDate: "2030-05-01", sex: "M", sequence: 13 });

  test("a well-formed number born in 2030, without today → valid: false, reason: date", async () => {
    const { status, body } = await callCalc("id-number", { value: bornIn2030 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ valid: false, reason: "date" });
    expect(body).not.toHaveProperty("birthDate");
  });

  test("today is the route's clock read in Asia/Shanghai: one second before and at Beijing midnight", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const bornOn5Dec = generateIdNumber({ birthDate: "2026-12-05", sex: "F", sequence: 4 });
    vi.setSystemTime(new Date("2026-12-04T15:59:59.000Z"));
    expect((await callCalc("id-number", { value: bornOn5Dec })).body).toMatchObject({ valid: false, reason: "date" });
    vi.setSystemTime(new Date("2026-12-04T16:00:00.000Z"));
    expect((await callCalc("id-number", { value: bornOn5Dec })).body).toMatchObject({ valid: true, birthDate: "2026-12-05", sex: "F" });
  });

  test("a today in the request wins over the clock (docs/calc-api.md §2.11)", async () => {
    expect((await callCalc("id-number", { value: bornIn2030, today: "2031-01-01" })).body).toMatchObject({ valid: true, birthDate: "2030-05-01" });
    expect((await callCalc("id-number", { value: "440305199003071236", today: "1990-03-06" })).body).toMatchObject({ valid: false, reason: "date" });
  });
});

describe("POST /api/v1/calc/credit-code: the embedded organisation-code check is a warning (decision 0012)", () => {
  test("main check character right, embedded one wrong → valid with warnings: [org-code-check]", async () => {
    const code = generateCreditCode("91350100M000100Y5");
    const { status, body } = await callCalc("credit-code", { value: code });
    expect(status).toBe(200);
    expect(body).toMatchObject({ valid: true, divisionCode: "350100", organizationCode: "M000100Y5", warnings: ["org-code-check"] });
    expect(body).not.toHaveProperty("reason");
  });

  test("both right → valid with no warning; main wrong → invalid checksum", async () => {
    expect((await callCalc("credit-code", { value: "91440300MA5FXY125P" })).body).toMatchObject({ valid: true, warnings: [] });
    expect((await callCalc("credit-code", { value: "91350100M000100Y42" })).body).toMatchObject({ valid: false, reason: "checksum", overridable: true });
  });
});
