/**
 * GET /api/v1/cases/export on real PostgreSQL (issue 6): the list's filters, streamed over more
 * than one keyset page, UTF-8 with a BOM and a header row in the caller's language, ID numbers
 * masked (full ones only for users allowed to see them, each logged), and only the caller's
 * office.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { issueApiToken } from "@/lib/auth/session";
import { createCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { csvField } from "@/lib/supervision/export-cases";
import { GET } from "@/app/api/v1/cases/export/route";
import { unwrap } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson } from "@/tests/factories/people";

const CASES = 205; // more than one page of 200
let office: TestOffice;
let other: TestOffice;
const idNumbers = new Set<string>();
let otherCaseNumber: string;
const tokens: Record<string, string> = {};

async function exportCsv(who: string, query = "", language = "en"): Promise<Response> {
  const headers: Record<string, string> = { "accept-language": language };
  if (who) headers.authorization = `Bearer ${tokens[who]}`;
  return GET(new Request(`http://localhost/api/v1/cases/export${query}`, { headers }), { params: Promise.resolve({}) });
}

/** The body's bytes and its lines (CRLF), without the BOM. */
async function read(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { bytes, lines: text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean) };
}

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "导出" });
  other = await createTestOffice({ label: "导出他处" });
  const people = [];
  for (let i = 0; i < CASES; i++) people.push(await clonePerson("P4", { offices: { "440300": office.code } }));
  for (const [i, p] of people.entries()) {
    await unwrap(createCase(office.user(`caseworker${(i % 3) + 1}`), { type: "DUPLICATE_REFUND", idNumber: p.idNumber }));
    idNumbers.add(p.idNumber);
  }
  const stranger = await clonePerson("P4", { offices: { "440300": other.code } });
  otherCaseNumber = (await unwrap(createCase(other.user("caseworker1"), { type: "DUPLICATE_REFUND", idNumber: stranger.idNumber }))).caseNumber;
  for (const who of ["auditor1", "caseworker1"]) tokens[who] = (await issueApiToken(office.user(who).id)).token;
  tokens.otherAuditor = (await issueApiToken(other.user("auditor1").id)).token;
}, 300_000);

describe("GET /api/v1/cases/export", () => {
  test("BOM, header row, every case of the office over two pages, masked ID numbers, nothing of another office", async () => {
    const response = await exportCsv("auditor1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="cases-${office.code}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const { bytes, lines } = await read(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe("Case number,Type,Status,Person,ID number,Assignee,Due date,Amount (yuan),Created (Beijing time)");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows).toHaveLength(CASES);
    expect(new Set(rows.map((r) => r[0])).size).toBe(CASES);
    for (const r of rows) {
      expect(r[0]).toMatch(new RegExp(`^${office.code}-TF-\\d{4}-\\d{6}$`));
      expect(r[1]).toBe("Duplicate contribution refund");
      expect(r[4]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(idNumbers.has(r[4])).toBe(false);
      expect(r[8]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(lines.join("\n")).not.toContain(otherCaseNumber);
  });

  test("the list's filters apply; the header follows the caller's language", async () => {
    expect((await read(await exportCsv("auditor1", "?type=SURRENDER"))).lines).toHaveLength(1);
    // The list's own paging (limit, cursor) may come along with a copied URL: the export is whole.
    const { lines } = await read(await exportCsv("auditor1", "?type=DUPLICATE_REFUND&status=DRAFT&limit=1", "zh-CN"));
    expect(lines[0]).toBe("案件编号,业务类型,状态,参保人,身份证号码,经办人,办结时限,金额（元）,受理时间（北京时间）");
    expect(lines).toHaveLength(CASES + 1);
    expect(lines[1].split(",")[2]).toBe("草稿");
  });

  test("full ID numbers only for a user allowed to see them, who asks, and each one is logged", async () => {
    const user = office.user("caseworker1");
    const logged = () => db.accessLog.count({ where: { userId: user.id, action: "view-full-id" } });
    const before = await logged();
    const { lines } = await read(await exportCsv("caseworker1", "?fullIds=true"));
    const shown = lines.slice(1).map((l) => l.split(",")[4]);
    expect(new Set(shown)).toEqual(idNumbers);
    expect(await logged()).toBe(before + CASES);
    // Without asking, masked (and nothing logged).
    const masked = (await read(await exportCsv("caseworker1"))).lines.slice(1).map((l) => l.split(",")[4]);
    expect(masked.every((id) => id.includes("********"))).toBe(true);
    expect(await logged()).toBe(before + CASES);
  });

  test("refusals: an auditor asking for full numbers (403), bad filters (400), no token (401)", async () => {
    expect((await exportCsv("auditor1", "?fullIds=true")).status).toBe(403);
    expect((await exportCsv("auditor1", "?status=NOPE")).status).toBe(400);
    expect((await exportCsv("")).status).toBe(401);
    // Another office's auditor gets their own office: here, one case.
    const { lines } = await read(await exportCsv("otherAuditor"));
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([otherCaseNumber]);
  });

  test("CSV fields: quoted when needed, formulas defused", () => {
    expect(csvField('张"三",李四')).toBe('"张""三"",李四"');
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+86")).toBe("'+86");
    expect(csvField(null)).toBe("");
  });
});
