/**
 * Decision 0018 on the real database: every case type driven through its workflow stores an
 * intake and a receipt that `parseCaseData` reads back as its type's shapes; a row edited behind
 * the service's back is refused — by the case view, by the transition (which writes nothing, no
 * letter with "undefined" on it) and by the REST API — with the case id in the log.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { POST as postToken } from "@/app/api/v1/auth/token/route";
import { GET as caseDetailRoute } from "@/app/api/v1/cases/[id]/route";
import { CaseDataError, parseCaseData } from "@/lib/cases/case-data";
import { getCaseDetail, transitionCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { getTranslator } from "@/lib/i18n/translate";
import { caseTypes, type CaseType } from "@/lib/workflow";
import { CaseDriver, snapshot } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, TEST_PASSWORD, type TestOffice } from "@/tests/factories/offices";

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;

beforeAll(async () => {
  await ensureDemo();
  home = await createTestOffice({ label: "数据", province: "湖南" });
  partner = await createTestOffice({ label: "数据出", province: "广东" });
  driver = new CaseDriver(home, partner);
});

afterEach(() => vi.restoreAllMocks());

const receiptKind: Record<CaseType, string> = {
  SURRENDER: "surrender",
  DUPLICATE_REFUND: "duplicate-refund",
  TRANSFER_IN: "temporary-account",
  TRANSFER_OUT: "transfer-funds",
};

const row = (id: string) => db.case.findUniqueOrThrow({ where: { id }, select: { id: true, type: true, intake: true, calculation: true } });

describe("what the case service writes, the schemas read", () => {
  for (const type of caseTypes)
    test(`${type}: intake and receipt of a completed case`, async () => {
      const id = await driver.caseAt(type, "COMPLETED");
      const data = parseCaseData(await row(id));
      expect(data.type).toBe(type);
      expect(data.calculation?.kind).toBe(receiptKind[type]);
    });
});

describe("a row that does not parse", () => {
  test("is refused by the view, the transition and the API, with the case id logged and nothing written", async () => {
    const id = await driver.caseAt("SURRENDER", "PENDING_APPROVAL");
    expect(await db.$executeRaw`UPDATE "Case" SET calculation = calculation #- '{fields,payout}' WHERE id = ${id}::uuid`).toBe(1);
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const viewer = home.user("caseworker3");
    await expect(getCaseDetail(viewer, id)).rejects.toThrow(CaseDataError);
    await expect(getCaseDetail(viewer, id)).rejects.toMatchObject({ caseId: id, problems: ["calculation.fields.payout: invalid_type"] });

    const before = await snapshot(id);
    const approver = home.user("supervisor1");
    await expect(transitionCase(approver, id, { action: "approve", version: before.case.version })).rejects.toThrow(CaseDataError);
    expect(await snapshot(id)).toEqual(before);
    expect(await db.certificate.count({ where: { caseId: id } })).toBe(0);

    const token = await postToken(new Request("http://localhost/api/v1/auth/token", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: viewer.username, password: TEST_PASSWORD }),
    }));
    const response = await caseDetailRoute(
      new Request(`http://localhost/api/v1/cases/${id}`, { headers: { authorization: `Bearer ${(await token.json()).token}`, "accept-language": "zh-CN" } }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(500);
    expect((await response.json()).error.message).toBe(getTranslator("zh-CN")("errors.internal"));

    const logged = log.mock.calls.map((c) => c.join(" "));
    expect(logged.filter((line) => line.includes("[case-data]") && line.includes(id)).length).toBeGreaterThanOrEqual(3);
  });

  test("is said in the user's language on the pages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const text = getTranslator(locale)("cases.errors.unreadableData", { caseId: "c-1" });
      expect(text).toContain("c-1");
      expect(text).not.toContain("cases.errors");
    }
  });
});
