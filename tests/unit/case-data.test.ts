import { afterEach, describe, expect, test, vi } from "vitest";
import {
  CaseDataError,
  intakeToStore,
  parseCaseData,
  receiptToStore,
  receiptView,
  type CaseData,
  type Receipt,
  type SurrenderReceipt,
} from "@/lib/cases/case-data";
import { bi, explanation } from "@/lib/domain/explain";
import type { CaseType } from "@/lib/workflow";

// Rows as lib/cases writes them (create-case, transfers, calculate) — decision 0018.
const ex = explanation({
  title: bi("退保", "Surrender"),
  rule: bi("余额加利息", "Balance with interest"),
  sources: ["sil-art14", "order13-art6"],
  inputs: { terminationMonth: "2024-06", history: [{ from: "2019-01", to: "2024-05", monthlyBase: "6000", accountRate: "0.08" }] },
  lines: [{ label: bi("上年末余额", "Prior year-end balance"), values: { balance: "36361.58", months: 5, provisional: false, note: null } }],
  notes: [bi("临时利率", "Provisional rate")],
});
const head = { ruleVersion: "jingban-rules-2026.1", computedAt: "2026-12-04T08:00:00.000Z", explanation: ex };

const surrenderPayout: Receipt = {
  kind: "surrender", ...head, eligible: true, amount: "39778.18",
  fields: {
    eligible: true, payout: "39778.18", priorYearEndBalance: "36361.58", currentYearPrincipal: "3000.00", currentYearInterest: "416.60",
    provisional: false, rate: "0.0262", paidTo: "heirs",
  },
};
const surrenderRefusal: Receipt = {
  kind: "surrender", ...head, eligible: false, amount: null,
  fields: { eligible: false, reason: "not-a-paying-ground", message: bi("不予支付", "Not payable") },
};
const duplicateRefund: Receipt = {
  kind: "duplicate-refund", ...head, eligible: true, amount: "3000.00",
  fields: {
    refunds: [{ recordId: "6f1c2a2e-0000-4000-8000-000000000001", payerType: "flexible", months: 3, monthList: ["2023-01", "2023-02", "2023-03"], monthlyAmount: "1000.00", amount: "3000.00" }],
    total: "3000.00", undecided: 0,
  },
};
const temporaryAccount: Receipt = {
  kind: "temporary-account", ...head, eligible: true, amount: null, fields: { account: "general", reason: "hukou-province" },
};
const transferFunds: Receipt = {
  kind: "transfer-funds", ...head, eligible: true, amount: "43766.49",
  fields: {
    f1: "0.00", f2: "14838.49", f3: "3248.00", f4: "18086.49", f5: "25680.00", f6: "43766.49", provisional: false,
    rows: [
      { year: 2023, from: "2023-01", to: "2023-12", months: 12, monthlyBases: ["7200"], accountRates: ["0.08"], principal: "6912.00", interest: "137.21", closingBalance: "14838.49", pooled: "17280.00" },
      { year: 2024, from: "2024-01", to: "2024-05", months: 5, monthlyBases: ["7500"], accountRates: [], principal: "3248.00", interest: null, closingBalance: "18086.49", pooled: "8400.00" },
    ],
  },
};

const rows: Array<{ type: CaseType; intake: unknown; calculations: Receipt[] }> = [
  {
    type: "SURRENDER",
    intake: { ground: "death", terminationMonth: "2024-06", payees: [{ name: "王芳", idNumber: "110101199003071234", relationship: "spouse" }], filedByAgent: false },
    calculations: [surrenderPayout, surrenderRefusal],
  },
  { type: "SURRENDER", intake: { ground: "resignation", terminationMonth: "2024-06", payees: [], filedByAgent: true }, calculations: [surrenderRefusal] },
  { type: "DUPLICATE_REFUND", intake: {}, calculations: [duplicateRefund] },
  { type: "TRANSFER_IN", intake: { fromOffice: "430100", transferMonth: "2024-06" }, calculations: [temporaryAccount] },
  { type: "TRANSFER_IN", intake: { fromOffice: "430100", transferMonth: null }, calculations: [temporaryAccount] },
  { type: "TRANSFER_OUT", intake: { transferMonth: "2024-06", toOffice: "440300", transferInCase: "440300-ZR-2026-0000001" }, calculations: [transferFunds] },
];

/** What PostgreSQL gives back for a jsonb column: a fresh copy, no shared references. */
const stored = (value: unknown) => (value === null ? null : JSON.parse(JSON.stringify(value)));

const CASE_ID = "0b9d6c3e-6a51-4c1e-9a57-5d0c2f1e7a42";

function refusal(row: { type: string; intake: unknown; calculation: unknown }): CaseDataError {
  try {
    parseCaseData({ id: CASE_ID, ...row });
  } catch (error) {
    if (error instanceof CaseDataError) return error;
    throw error;
  }
  throw new Error("the row was accepted");
}

afterEach(() => vi.restoreAllMocks());

describe("a case's intake and receipt round-trip through the schemas", () => {
  for (const row of rows)
    for (const calculation of [null, ...row.calculations])
      test(`${row.type} ${JSON.stringify(row.intake).slice(0, 40)} with ${calculation ? `${calculation.kind} (eligible ${calculation.eligible})` : "no receipt"}`, () => {
        const written = { intake: stored(intakeToStore(row.type, row.intake as never)), calculation: stored(calculation && receiptToStore(row.type, calculation)) };
        const read = parseCaseData({ id: CASE_ID, type: row.type, ...written });
        expect(read).toEqual({ type: row.type, intake: row.intake, calculation });
      });

  test("a SQL NULL receipt reads as no receipt", () => {
    expect(parseCaseData({ id: CASE_ID, type: "DUPLICATE_REFUND", intake: {}, calculation: undefined }).calculation).toBeNull();
  });

  test("the type narrows the intake and the receipt (no cast needed to print a payout)", () => {
    const data: CaseData = parseCaseData({ id: CASE_ID, type: "SURRENDER", intake: rows[0].intake, calculation: stored(surrenderPayout) });
    if (data.type !== "SURRENDER" || !data.calculation?.eligible) throw new Error("narrowing failed");
    expect(data.calculation.fields.payout).toBe("39778.18");
    expect(data.intake.payees.map((p) => p.relationship)).toEqual(["spouse"]);
  });

  test("a payout receipt without its payout is a type error, not an 'undefined' on a letter", () => {
    // @ts-expect-error payout is required by the surrender receipt
    const missing: Extract<SurrenderReceipt, { eligible: true }>["fields"] = { eligible: true, priorYearEndBalance: "1.00", currentYearPrincipal: "0.00", currentYearInterest: "0.00", provisional: false, rate: "0.0262", paidTo: "heirs" };
    expect(() => receiptToStore("SURRENDER", { ...surrenderPayout, fields: missing } as Receipt)).toThrow(/fields\.payout/);
  });
});

describe("a stored row that does not parse is refused with the case id", () => {
  const surrender = rows[0].intake as Record<string, unknown>;
  const malformed: Array<[string, { type: string; intake: unknown; calculation: unknown }, RegExp]> = [
    ["an empty surrender intake", { type: "SURRENDER", intake: {}, calculation: null }, /intake\.ground/],
    ["a surrender without its termination month", { type: "SURRENDER", intake: { ...surrender, terminationMonth: undefined }, calculation: null }, /intake\.terminationMonth/],
    ["an unknown ground", { type: "SURRENDER", intake: { ...surrender, ground: "boredom" }, calculation: null }, /intake\.ground/],
    ["an intake key no code writes", { type: "DUPLICATE_REFUND", intake: { note: "x" }, calculation: null }, /intake/],
    ["a payout receipt without the payout", { type: "SURRENDER", intake: surrender, calculation: { ...surrenderPayout, fields: { ...surrenderPayout.fields, payout: undefined } } }, /calculation\.fields\.payout/],
    ["money as a JS number", { type: "SURRENDER", intake: surrender, calculation: { ...surrenderPayout, fields: { ...surrenderPayout.fields, payout: 39778.18 } } }, /calculation\.fields\.payout/],
    ["money that is not a decimal", { type: "TRANSFER_OUT", intake: rows[5].intake, calculation: { ...transferFunds, fields: { ...transferFunds.fields, f6: "43,766.49" } } }, /calculation\.fields\.f6/],
    ["a receipt of another case type's kind", { type: "SURRENDER", intake: surrender, calculation: transferFunds }, /calculation/],
    ["a receipt without its explanation", { type: "TRANSFER_IN", intake: rows[3].intake, calculation: { ...temporaryAccount, explanation: { lines: "none" } } }, /calculation\.explanation/],
    ["a transfer-in from a malformed office code", { type: "TRANSFER_IN", intake: { fromOffice: "43", transferMonth: null }, calculation: null }, /intake\.fromOffice/],
    ["an unknown case type", { type: "EXCHANGE", intake: {}, calculation: null }, /type/],
    ["a JSON string instead of an object", { type: "DUPLICATE_REFUND", intake: "{}", calculation: null }, /intake/],
  ];
  for (const [name, row, where] of malformed)
    test(name, () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const error = refusal({ ...row, intake: stored(row.intake), calculation: stored(row.calculation) });
      expect(error.caseId).toBe(CASE_ID);
      expect(error.message).toContain(CASE_ID);
      expect(error.problems.join("; ")).toMatch(where);
      // Logged with the case id, never with the stored values (they hold ID numbers and names).
      expect(log).toHaveBeenCalledTimes(1);
      const logged = log.mock.calls[0].join(" ");
      expect(logged).toContain(CASE_ID);
      expect(logged).not.toContain("110101199003071234");
      expect(logged).not.toContain("王芳");
    });
});

describe("writes go through the same schemas", () => {
  test("an intake that does not fit its type is refused before it is written", () => {
    expect(() => intakeToStore("SURRENDER", { ground: "death", terminationMonth: "2024-13", payees: [], filedByAgent: false })).toThrow(/terminationMonth/);
    expect(() => intakeToStore("TRANSFER_OUT", { transferMonth: "2024-06", toOffice: "440300", transferInCase: "" })).toThrow(/transferInCase/);
  });

  test("a receipt of the wrong kind for the case type is refused before it is frozen", () => {
    expect(() => receiptToStore("TRANSFER_OUT", duplicateRefund)).toThrow(/TRANSFER_OUT/);
    expect(() => receiptToStore("DUPLICATE_REFUND", { ...duplicateRefund, amount: "3000.00x" })).toThrow(/amount/);
  });
});

describe("the receipt as the case API shows it", () => {
  test("kind, rule version and time, then the receipt's own fields", () => {
    expect(receiptView(surrenderPayout)).toEqual({ kind: "surrender", ruleVersion: head.ruleVersion, computedAt: head.computedAt, ...surrenderPayout.fields });
    expect(receiptView(transferFunds)).toMatchObject({ kind: "transfer-funds", f6: "43766.49", rows: transferFunds.fields.rows });
    expect(receiptView(duplicateRefund)).not.toHaveProperty("explanation");
  });
});
