import { describe, expect, test } from "vitest";
import QRCode, { type QRCodeSegment } from "qrcode";
import { buildCertificate } from "@/lib/pdf/certificate/view-model";
import { renderCertificate } from "@/lib/pdf/certificate/render";
import { buildPayoutDecision } from "@/lib/pdf/payout-decision/view-model";
import { buildRefundDecision } from "@/lib/pdf/refund-decision/view-model";
import { buildRejectionNotice } from "@/lib/pdf/rejection-notice/view-model";
import { buildContactLetter } from "@/lib/pdf/contact-letter/view-model";
import { buildInfoTable } from "@/lib/pdf/info-table/view-model";
import { completeDocument } from "@/lib/pdf/document";
import { renderBatch, renderDocument } from "@/lib/pdf/render-document";
import { symbolSegments } from "@/lib/pdf/qr";
import type { DocumentDraft, DocumentViewModel } from "@/lib/pdf/types";
import { decodeQr, pdfFonts, pdfPageCount, pdfText, renderPage } from "@/tests/factories/pdf";

// Rendering is checked by reading the PDF back with npm packages (tests/factories/pdf.ts):
// PDF.js for text, pages and pixels, pdf-lib for the fonts, jsQR for the QR code.

/**
 * The QR code as printed: the modules read off page 1 rasterised at 300 dpi (at the centre of
 * each module of the 86 pt square at the left margin, whose bottom row is the lowest ink in that
 * column).
 */
async function printedQr(pdf: Buffer, size: number): Promise<Uint8Array> {
  const dpi = 300;
  const px = dpi / 72;
  const { width, height, data } = await renderPage(pdf, 1, px);
  const side = 86 * px;
  const pitch = side / size;
  const left = 48 * px;
  // Black on white: the red channel is enough.
  const dark = (x: number, y: number) => data[(Math.round(y) * width + Math.round(x)) * 4] < 128;
  let bottom = height - 1;
  while (bottom > 0 && !dark(left + pitch / 2, bottom)) bottom--;
  const top = bottom + 1 - side;
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) modules[row * size + col] = dark(left + (col + 0.5) * pitch, top + (row + 0.5) * pitch) ? 1 : 0;
  return modules;
}

const office = {
  code: "440300",
  name: "深圳市社会保险基金管理局",
  nameEn: "Shenzhen Social Insurance Fund Administration",
  address: "深圳市福田区福中三路市民中心C区",
  postcode: "518035",
  phone: "0755-12333",
};
const rates = { 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397", 2024: "0.0262" };
const records = [
  ["2019-01", "2019-12", "6000"], ["2020-01", "2020-12", "6300"], ["2021-01", "2021-12", "6600"],
  ["2022-01", "2022-12", "7000"], ["2023-01", "2023-12", "7200"], ["2024-01", "2024-05", "7500"],
].map(([from, to, monthlyBase]) => ({ from, to, monthlyBase, accountRate: "0.08" }));
const person = { name: "李明", idNumber: "440305199003071236" };
const issuedAt = new Date("2026-05-01T02:23:45.000Z");

function issue(draft: DocumentDraft, serial: string): DocumentViewModel {
  const code = "ABCDEFGHJKMNPQRS";
  return completeDocument(draft, {
    serial,
    issuedAt,
    subject: person,
    trust: { verificationCode: code, verifyUrl: `https://jingban.example/verify/${code}`, qrText: `https://jingban.example/verify/${code}?p=${"x".repeat(250)}&s=${"y".repeat(86)}` },
  });
}

const certificate = issue(
  buildCertificate({ person: { ...person, hukouProvince: "广东", accountType: "GENERAL" }, office, records, rates, asOf: issuedAt, issuerName: "周敏" }),
  "440300-2026-000001",
);

describe("certificate PDF", () => {
  test("carries the Chinese name, the ID number, the serial and the amounts as text", async () => {
    const pdf = await renderCertificate(certificate);
    const text = await pdfText(pdf);
    expect(text).toContain("李明");
    expect(text).toContain("440305199003071236");
    expect(text).toContain("440300-2026-000001");
    expect(text).toContain("基本养老保险参保缴费凭证");
    for (const amount of ["40,379.75", "36,361.58", "6,000.00", "5,760.00"]) expect(text).toContain(amount);
    expect(text).toContain("ABCD-EFGH-JKMN-PQRS");
    expect(text).toContain("2026-05-01 10:23:45 (Asia/Shanghai, UTC+08:00)");
    expect(await pdfPageCount(pdf)).toBe(1);
  });

  test("embeds the CJK font as a subset and stays well under 100 KB", async () => {
    const pdf = await renderCertificate(certificate);
    const fonts = await pdfFonts(pdf);
    expect(fonts).toHaveLength(1);
    // the subset-tagged name, embedded, a subset, with a ToUnicode map
    expect(fonts[0].name).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/);
    expect(fonts[0]).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(pdf.length).toBeLessThan(100_000);
    console.log(`certificate PDF: ${pdf.length} bytes`);
  });

  test("the printed QR code is the signed verification URL, module for module", async () => {
    const pdf = await renderCertificate(certificate);
    // qrcode itself encodes the segments lib/pdf/qr.ts chose (tests/unit/pdf-qr.test.ts checks those).
    const expected = QRCode.create(symbolSegments(certificate.trust!.qrText) as QRCodeSegment[], { errorCorrectionLevel: "M" }).modules;
    const printed = await printedQr(pdf, expected.size);
    expect(Buffer.from(printed).equals(Buffer.from(expected.data))).toBe(true);
  });

  test("a QR reader decodes the printed code as the signed verification URL", async () => {
    const pdf = await renderCertificate(certificate);
    expect(await decodeQr(pdf, 1)).toBe(certificate.trust!.qrText);
  });

  test("a reprint of the stored view model is byte-for-byte the same file", async () => {
    const stored = JSON.parse(JSON.stringify(certificate)) as DocumentViewModel;
    const [a, b] = await Promise.all([renderDocument(certificate), renderDocument(stored)]);
    expect(a.equals(b)).toBe(true);
  });

  test.each([
    [6, 1],
    [15, 1],
    [45, 2],
  ])("%i years of history: %i page(s), the table continuing with its header", async (years, expectedPages) => {
    const first = 2025 - years + 1;
    const long = Array.from({ length: years }, (_, i) => ({ from: `${first + i}-01`, to: `${first + i}-12`, monthlyBase: String(1000 + i * 200), accountRate: "0.08" }));
    const longRates = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [1980 + i, i % 2 ? "0.03" : "0.035"]));
    const vm = issue(buildCertificate({ person: { ...person, hukouProvince: "广东", accountType: "GENERAL" }, office, records: long, rates: longRates, asOf: issuedAt, issuerName: "周敏" }), "440300-2026-000002");
    const pdf = await renderDocument(vm);
    expect(await pdfPageCount(pdf)).toBe(expectedPages);
    expect(await pdfText(pdf)).toContain("2025-01 – 2025-12");
  });

  test("a draft renders, marked as not issued", async () => {
    const text = await pdfText(await renderDocument({ ...buildCertificate({ person: { ...person, hukouProvince: "广东", accountType: "TEMPORARY" }, office, records, rates, asOf: issuedAt, issuerName: "周敏" }) }));
    expect(text).toContain("DRAFT");
    expect(text).toContain("临时缴费账户");
  });
});

describe("letters render with their amounts in capitals", () => {
  test.each<[string, DocumentDraft, string[]]>([
    [
      "payout decision",
      buildPayoutDecision({
        caseNumber: "440300-SUR-2026-000001", person, office, ground: "emigration-nationality-lost", terminationMonth: "2024-06",
        calculation: { payout: "39778.18", priorYearEndBalance: "36361.58", currentYearPrincipal: "3000.00", currentYearInterest: "416.60" }, issuerName: "郑洁",
      }),
      ["叁万玖仟柒佰柒拾捌元壹角捌分", "39,778.18", "一次性支付决定书"],
    ],
    [
      "refund decision",
      buildRefundDecision({ caseNumber: "C-2", person, office, issuerName: "周敏", refunds: [{ payerType: "FLEXIBLE", months: 3, amount: "1200.00" }], total: "1200.00" }),
      ["壹仟贰佰元整", "1,200.00", "重复缴费退费决定书"],
    ],
    [
      "rejection notice",
      buildRejectionNotice({ caseNumber: "C-3", caseType: "SURRENDER", person, office, issuerName: "周敏", reason: "出国定居但未丧失中国国籍", legalSources: ["order13-art6"] }),
      ["不予办理告知书", "出国定居但未丧失中国国籍", "人社部令第13号"],
    ],
    [
      "contact letter",
      buildContactLetter({ caseNumber: "C-4", person, issuerName: "黄磊", fromOffice: { name: office.name }, toOffice: { code: "430100", name: "长沙市社会保险服务中心", nameEn: "Changsha Social Insurance Service Center" } }),
      ["基本养老保险关系转移接续联系函", "长沙市社会保险服务中心"],
    ],
    [
      "information table",
      buildInfoTable({
        caseNumber: "C-5", person, issuerName: "周敏", fromOffice: office, toOffice: { name: "长沙市社会保险服务中心" },
        personBlock: { localFrom: "2019-01", localTo: "2024-07", localMonths: 67, transferMonth: "2024-08" },
        funds: { f1: "0.00", f2: "36361.58", f3: "5250.00", f4: "41611.58", f5: "74736.00", f6: "116347.58" },
        rows: [{ year: 2024, from: "2024-01", to: "2024-07", months: 7, monthlyBases: ["7500"], accountRates: ["0.08"], principal: "5250.00", interest: null, closingBalance: "41611.58" }],
      }),
      ["基本养老保险关系转移接续信息表", "116,347.58", "转入地计息"],
    ],
  ])("%s", async (_label, draft, expected) => {
    const text = await pdfText(await renderDocument(issue(draft, "440300-2026-000009")));
    for (const s of expected) expect(text).toContain(s);
    expect(text).toContain("440300-2026-000009");
  });
});

describe("batch", () => {
  test("N documents make one PDF of N pages with one embedded font", async () => {
    const N = 25;
    const vms = Array.from({ length: N }, (_, i) => issue(certificate, `440300-2026-${String(i + 1).padStart(6, "0")}`));
    const progress: number[] = [];
    const { pdf, documents } = await renderBatch(vms, { title: "batch", onProgress: (d) => void progress.push(d) });
    expect(documents).toBe(N);
    expect(await pdfPageCount(pdf)).toBe(N);
    expect(progress).toHaveLength(N);
    expect(await pdfFonts(pdf)).toHaveLength(1);
    expect(await pdfText(pdf)).toContain("440300-2026-000025");
  });
});
