import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { afterEach, describe, expect, test } from "vitest";
import { buildCertificate } from "@/lib/pdf/certificate/view-model";
import { buildContactLetter } from "@/lib/pdf/contact-letter/view-model";
import { buildInfoTable } from "@/lib/pdf/info-table/view-model";
import { buildPayoutDecision } from "@/lib/pdf/payout-decision/view-model";
import { buildRefundDecision } from "@/lib/pdf/refund-decision/view-model";
import { buildRejectionNotice } from "@/lib/pdf/rejection-notice/view-model";
import { completeDocument } from "@/lib/pdf/document";
import { parsedCjkFont } from "@/lib/pdf/fonts";
import { fontWorkCacheSizes, GenerationalCache, missingHookPoints, setFontWorkSharing, shareFontWork } from "@/lib/pdf/font-work-cache";
import { createPdf, setOneLineFastPath, toBuffer } from "@/lib/pdf/layout";
import { renderBatch, renderDocument } from "@/lib/pdf/render-document";
import type { DocumentDraft, DocumentViewModel } from "@/lib/pdf/types";

// lib/pdf/font-work-cache.ts shares pdfkit's shaped text and fontkit's glyph data between
// documents, and lib/pdf/layout.ts draws one-line strings without pdfkit's line wrapper. Both are
// only worth having if the files are exactly what pdfkit alone writes: these tests render every
// kind of document both ways and compare the bytes.

afterEach(() => {
  setFontWorkSharing(true);
  setOneLineFastPath(true);
});

const office = {
  code: "440300",
  name: "深圳市社会保险基金管理局",
  nameEn: "Shenzhen Social Insurance Fund Administration",
  address: "深圳市福田区福中三路市民中心C区",
  postcode: "518035",
  phone: "0755-12333",
};
const person = { name: "李明", idNumber: "440305199003071236" };
const issuedAt = new Date("2026-05-01T02:23:45.000Z");
const rates = { 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397", 2024: "0.0262" };
const records = [
  ["2019-01", "2019-12", "6000"], ["2020-01", "2020-12", "6300"], ["2021-01", "2021-12", "6600"],
  ["2022-01", "2022-12", "7000"], ["2023-01", "2023-12", "7200"], ["2024-01", "2024-05", "7500"],
].map(([from, to, monthlyBase]) => ({ from, to, monthlyBase, accountRate: "0.08" }));

function issue(draft: DocumentDraft, serial: string, code = "ABCDEFGHJKMNPQRS"): DocumentViewModel {
  return completeDocument(draft, {
    serial,
    issuedAt,
    subject: person,
    trust: { verificationCode: code, verifyUrl: `https://jingban.example/verify/${code}`, qrText: `https://jingban.example/verify/${code}?p=${"x".repeat(250)}&s=${"y".repeat(86)}` },
  });
}

const certificateDraft = buildCertificate({ person: { ...person, hukouProvince: "广东", accountType: "GENERAL" }, office, records, rates, asOf: issuedAt, issuerName: "周敏" });
const longHistory = Array.from({ length: 45 }, (_, i) => ({ from: `${1981 + i}-01`, to: `${1981 + i}-12`, monthlyBase: String(1000 + i * 200), accountRate: "0.08" }));
const longRates = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [1980 + i, i % 2 ? "0.03" : "0.035"]));

const documents: [string, DocumentViewModel][] = [
  ["certificate", issue(certificateDraft, "440300-2026-000001")],
  ["two-page certificate", issue(buildCertificate({ person: { ...person, hukouProvince: "广东", accountType: "GENERAL" }, office, records: longHistory, rates: longRates, asOf: issuedAt, issuerName: "周敏" }), "440300-2026-000002")],
  ["draft certificate", { ...certificateDraft } as DocumentViewModel],
  [
    "payout decision",
    issue(buildPayoutDecision({
      caseNumber: "440300-SUR-2026-000001", person, office, ground: "emigration-nationality-lost", terminationMonth: "2024-06",
      calculation: { payout: "39778.18", priorYearEndBalance: "36361.58", currentYearPrincipal: "3000.00", currentYearInterest: "416.60" }, issuerName: "郑洁",
    }), "440300-2026-000003"),
  ],
  ["refund decision", issue(buildRefundDecision({ caseNumber: "C-2", person, office, issuerName: "周敏", refunds: [{ payerType: "FLEXIBLE", months: 3, amount: "1200.00" }], total: "1200.00" }), "440300-2026-000004")],
  ["rejection notice", issue(buildRejectionNotice({ caseNumber: "C-3", caseType: "SURRENDER", person, office, issuerName: "周敏", reason: "出国定居但未丧失中国国籍", legalSources: ["order13-art6"] }), "440300-2026-000005")],
  ["contact letter", issue(buildContactLetter({ caseNumber: "C-4", person, issuerName: "黄磊", fromOffice: { name: office.name }, toOffice: { code: "430100", name: "长沙市社会保险服务中心", nameEn: "Changsha Social Insurance Service Center" } }), "440300-2026-000006")],
  [
    "information table",
    issue(buildInfoTable({
      caseNumber: "C-5", person, issuerName: "周敏", fromOffice: office, toOffice: { name: "长沙市社会保险服务中心" },
      personBlock: { localFrom: "2019-01", localTo: "2024-07", localMonths: 67, transferMonth: "2024-08" },
      funds: { f1: "0.00", f2: "36361.58", f3: "5250.00", f4: "41611.58", f5: "74736.00", f6: "116347.58" },
      rows: [{ year: 2024, from: "2024-01", to: "2024-07", months: 7, monthlyBases: ["7500"], accountRates: ["0.08"], principal: "5250.00", interest: null, closingBalance: "41611.58" }],
    }), "440300-2026-000007"),
  ],
];

function pdfkitAlone(on: boolean) {
  setFontWorkSharing(!on);
  setOneLineFastPath(!on);
}

describe("shared font work and one-line text leave the files unchanged", () => {
  test("pdfkit and fontkit still have the hook points", () => {
    const doc = createPdf({ title: "hooks" });
    const font = (doc as unknown as { _font: unknown })._font;
    expect(missingHookPoints(font)).toBeNull();
    expect(missingHookPoints({})).toMatch(/layoutCached/);
  });

  test.each(documents)("%s: byte for byte what pdfkit alone writes, cold and warm", async (_label, vm) => {
    pdfkitAlone(true);
    const alone = await renderDocument(vm);
    pdfkitAlone(false);
    const first = await renderDocument(vm);
    const again = await renderDocument(vm);
    expect(first.equals(alone)).toBe(true);
    expect(again.equals(alone)).toBe(true);
    expect(fontWorkCacheSizes(parsedCjkFont()!).layouts).toBeGreaterThan(0);
    expect(fontWorkCacheSizes(parsedCjkFont()!).glyphs).toBeGreaterThan(0);
  });

  test("a batch of documents: byte for byte the same", async () => {
    const vms = documents.map(([, vm], i) => ({ ...vm, serial: vm.serial ? `${vm.serial}-${i}` : undefined }));
    pdfkitAlone(true);
    const alone = await renderBatch(vms, { title: "batch", createdAt: issuedAt });
    pdfkitAlone(false);
    const shared = await renderBatch(vms, { title: "batch", createdAt: issuedAt });
    expect(shared.pdf.equals(alone.pdf)).toBe(true);
  });

  test("composite glyphs are renumbered in each subset, and the cached bytes are left alone", async () => {
    // Noto Sans SC has no composite glyphs; this Latin font has hundreds (Á = A + ´).
    const file = [
      path.join(process.cwd(), "node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf"),
      "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ].find((f) => fs.existsSync(f));
    expect(file, "a TrueType font with composite glyphs").toBeDefined();
    const source = fs.readFileSync(file!);
    let parsed: object | undefined;
    const render = async (text: string, share: boolean) => {
      const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, compress: false, info: { CreationDate: new Date(0) } });
      doc.registerFont("Latin", (parsed ?? source) as Buffer);
      doc.font("Latin");
      const font = (doc as unknown as { _font: { font: object } })._font;
      parsed ??= font.font;
      if (share) expect(shareFontWork(font)).toBe(true);
      doc.addPage().fontSize(12).text(text, 50, 50, { width: 400 });
      return toBuffer(doc);
    };
    // Different texts put the same composites' components at different subset positions.
    for (const text of ["Ắ Ặ Ằ Á á é ü", "xyz Á é Ặ q", "Ắ Ặ Ằ Á á é ü"]) {
      const alone = await render(text, false);
      const shared = await render(text, true);
      expect(shared.equals(alone)).toBe(true);
    }
  });
});

describe("GenerationalCache", () => {
  test("holds at most two generations and keeps what is in use", () => {
    const cache = new GenerationalCache<string, number>(3);
    cache.set("label", 0);
    for (let i = 1; i <= 20; i++) {
      expect(cache.get("label")).toBe(0); // used on every "document"
      cache.set(`value-${i}`, i);
      expect(cache.size).toBeLessThanOrEqual(6);
    }
    expect(cache.get("label")).toBe(0);
    expect(cache.get("value-1")).toBeUndefined();
    expect(cache.get("value-20")).toBe(20);
  });
});
