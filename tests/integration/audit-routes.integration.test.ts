/**
 * The audit REST routes (issue 6) as a client calls them with a bearer token: the chain check,
 * the daily chain head as a JSON file, a case's audit log as a PDF, and a sample from drawing to
 * blind review and finding — each office-scoped and behind its permission.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { issueApiToken } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { buildCaseLog } from "@/lib/audit/case-log/view-model";
import { GET as verifyRoute } from "@/app/api/v1/audit/verify/route";
import { GET as chainHeadRoute } from "@/app/api/v1/audit/chain-head/route";
import { GET as caseLogRoute } from "@/app/api/v1/audit/cases/[id]/log/route";
import { GET as listSamplesRoute, POST as drawRoute } from "@/app/api/v1/audit/samples/route";
import { GET as sampleRoute } from "@/app/api/v1/audit/samples/[id]/route";
import { GET as itemRoute } from "@/app/api/v1/audit/sample-items/[id]/route";
import { POST as reviewRoute } from "@/app/api/v1/audit/sample-items/[id]/review/route";
import { POST as findingRoute } from "@/app/api/v1/audit/sample-items/[id]/findings/route";
import { CaseDriver } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";

let office: TestOffice;
let other: TestOffice;
let rejectedCase: string;
const tokens: Record<string, string> = {};

type Handler<P> = (request: Request, route: { params: Promise<P> }) => Promise<Response>;
function call<P>(handler: Handler<P>, who: string, path: string, options: { params?: P; body?: unknown; method?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}`, "accept-language": "en" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return handler(
    new Request(`http://localhost${path}`, { method: options.method ?? (options.body === undefined ? "GET" : "POST"), headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
    { params: Promise.resolve((options.params ?? {}) as P) },
  );
}

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "审计接口" });
  other = await createTestOffice({ label: "审计接口他处" });
  const partner = await createTestOffice({ label: "审计接口转出", province: "广东" });
  rejectedCase = await new CaseDriver(office, partner).caseAt("DUPLICATE_REFUND", "REJECTED");
  for (const who of ["auditor1", "supervisor1", "caseworker1"]) tokens[who] = (await issueApiToken(office.user(who).id)).token;
  tokens.otherAuditor = (await issueApiToken(other.user("auditor1").id)).token;
});

describe("chain check and daily head", () => {
  test("GET /api/v1/audit/verify: the office's chains, for auditors and supervisors only", async () => {
    const response = await call(verifyRoute, "auditor1", "/api/v1/audit/verify");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ office: office.code, ok: true });
    expect(body.chains.map((c: { chain: string; ok: boolean }) => [c.chain, c.ok])).toEqual([["certificate", true], ["case", true]]);
    expect((await call(verifyRoute, "caseworker1", "/api/v1/audit/verify")).status).toBe(403);
  });

  test("GET /api/v1/audit/chain-head?date=: a JSON file with each chain's seq and hash", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const response = await call(chainHeadRoute, "supervisor1", `/api/v1/audit/chain-head?date=${today}`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="chain-head-${office.code}-${today}.json"`);
    const head = async (chain: string) => {
      const row = await db.chainHead.findUnique({ where: { officeId_chain: { officeId: office.id, chain } }, select: { seq: true, hash: true } });
      return { chain, seq: row?.seq ?? 0, hash: row?.hash ?? "0".repeat(64) };
    };
    expect(await response.json()).toMatchObject({
      date: today, timeZone: "Asia/Shanghai", office: { code: office.code },
      heads: [await head("certificate"), await head("case")],
    });
    for (const date of ["2026-13-40", "2026-02-30", "2026-2-3", ""])
      expect((await call(chainHeadRoute, "auditor1", `/api/v1/audit/chain-head?date=${date}`)).status, date).toBe(400);
  });
});

describe("case audit log PDF", () => {
  test("a PDF of the office's case; another office's case is not found", async () => {
    const response = await call(caseLogRoute, "auditor1", `/api/v1/audit/cases/${rejectedCase}/log`, { params: { id: rejectedCase } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await call(caseLogRoute, "otherAuditor", "/x", { params: { id: rejectedCase } })).status).toBe(404);
    expect((await call(caseLogRoute, "caseworker1", "/x", { params: { id: rejectedCase } })).status).toBe(403);
  });

  test("the view model prints every event with its seq and hash, and the chain result", () => {
    const vm = buildCaseLog({
      office: { code: "440300", name: "深圳", nameEn: "Shenzhen" }, caseNumber: "440300-TF-2026-000001",
      type: { zh: "重复缴费退费", en: "Refund" }, status: { zh: "已驳回", en: "Rejected" },
      person: { name: "李明", maskedIdNumber: "440305********1236" }, printedAt: new Date("2026-05-01T02:00:00Z"), printedBy: "孙宁",
      chain: { ok: true, events: 7, headHash: "ab".repeat(32) },
      events: [{ seq: 7, at: new Date("2026-05-01T01:02:03Z"), actor: "吴刚", action: "reject", from: "IN_REVIEW", to: "REJECTED", reason: "不符合条件", hash: "cd".repeat(32) }],
    });
    expect(vm.references[2]).toBe("打印时间 Printed: 2026-05-01 10:00:00 (Asia/Shanghai, UTC+08:00) · 孙宁");
    const table = vm.blocks.find((b) => b.type === "table");
    expect(table && table.type === "table" && table.rows).toEqual([["7", "2026-05-01 09:02:03", "吴刚", "reject", "IN_REVIEW → REJECTED", "不符合条件", "cdcdcdcdcdcd"]]);
  });
});

describe("a sample through the API", () => {
  test("draw (201) → list → blind item → review → side by side → finding", async () => {
    const drawn = await call(drawRoute, "supervisor1", "/api/v1/audit/samples", { body: { percentage: 100 } });
    expect(drawn.status).toBe(201);
    const { id, size } = await drawn.json();
    expect(size).toBe(1);
    expect((await (await call(listSamplesRoute, "auditor1", "/api/v1/audit/samples")).json()).items[0]).toMatchObject({ id, size: 1, reviewed: 0 });
    const sample = await (await call(sampleRoute, "auditor1", "/x", { params: { id } })).json();
    expect(sample.items).toHaveLength(1);
    expect(sample.items[0]).not.toHaveProperty("status");
    const itemId = sample.items[0].id;
    expect((await call(sampleRoute, "otherAuditor", "/x", { params: { id } })).status).toBe(404);

    const blind = await (await call(itemRoute, "auditor1", "/x", { params: { id: itemId } })).json();
    expect(blind).toMatchObject({ reviewed: false, original: null, case: { id: rejectedCase } });
    expect(JSON.stringify(blind)).not.toMatch(/REJECTED|测试理由/);

    const bad = await call(reviewRoute, "auditor1", "/x", { params: { id: itemId }, body: { decision: "MAYBE", note: "" } });
    expect(bad.status).toBe(400);
    const review = await call(reviewRoute, "auditor1", "/x", { params: { id: itemId }, body: { decision: "REJECT", note: "重复月份不成立" } });
    expect(review.status).toBe(201);
    expect(await review.json()).toEqual({ id: itemId, agrees: true });
    const open = await (await call(itemRoute, "auditor1", "/x", { params: { id: itemId } })).json();
    expect(open).toMatchObject({ reviewed: true, review: { decision: "REJECT", agrees: true }, original: { status: "REJECTED" } });
    expect(open.original.rejectReason).toBe("测试理由 reject");

    const finding = await call(findingRoute, "auditor1", "/x", { params: { id: itemId }, body: { severity: "INFO", text: "驳回理由引用条款不全" } });
    expect(finding.status).toBe(201);
    expect(await finding.json()).toMatchObject({ correctionCase: null });
    expect((await call(findingRoute, "caseworker1", "/x", { params: { id: itemId }, body: { severity: "INFO", text: "x" } })).status).toBe(403);
  });
});
