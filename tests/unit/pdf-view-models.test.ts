import { describe, expect, test } from "vitest";
import { buildCertificate, computeBalance, summariseYears, type CertificateInput } from "@/lib/pdf/certificate/view-model";
import { buildContactLetter } from "@/lib/pdf/contact-letter/view-model";
import { buildInfoTable } from "@/lib/pdf/info-table/view-model";
import { buildPayoutDecision } from "@/lib/pdf/payout-decision/view-model";
import { buildRefundDecision } from "@/lib/pdf/refund-decision/view-model";
import { buildRejectionNotice } from "@/lib/pdf/rejection-notice/view-model";
import { completeDocument } from "@/lib/pdf/document";
import { formatIssuedAt } from "@/lib/pdf/format";
import type { BlockVM, DocumentDraft } from "@/lib/pdf/types";

/** The value printed next to a Chinese label, anywhere in the document. */
function field(vm: DocumentDraft, zhLabel: string): string | undefined {
  for (const b of vm.blocks) if (b.type === "fields") for (const f of b.fields) if (f.label.zh === zhLabel) return f.value;
  return undefined;
}
function tables(vm: DocumentDraft) {
  return vm.blocks.filter((b): b is Extract<BlockVM, { type: "table" }> => b.type === "table");
}
function allText(vm: DocumentDraft): string {
  return JSON.stringify(vm);
}

const shenzhen = {
  code: "440300",
  name: "深圳市社会保险基金管理局",
  nameEn: "Shenzhen Social Insurance Fund Administration",
  address: "深圳市福田区福中三路市民中心C区",
  postcode: "518035",
  phone: "0755-12333",
};
const rates = { 2016: "0.0831", 2017: "0.0712", 2018: "0.0829", 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397", 2024: "0.0262" };
const p1Records = [
  ["2019-01", "2019-12", "6000"],
  ["2020-01", "2020-12", "6300"],
  ["2021-01", "2021-12", "6600"],
  ["2022-01", "2022-12", "7000"],
  ["2023-01", "2023-12", "7200"],
  ["2024-01", "2024-05", "7500"],
].map(([from, to, monthlyBase]) => ({ from, to, monthlyBase, accountRate: "0.08" }));

const p1: CertificateInput = {
  person: { name: "李明", idNumber: "440305199003071236", hukouProvince: "广东", accountType: "GENERAL" },
  office: shenzhen,
  records: p1Records,
  rates,
  asOf: new Date("2026-05-01T02:00:00Z"),
  issuerName: "周敏",
};

describe("certificate view model (参保缴费凭证)", () => {
  test("prints the RULES §4.2 fields exactly", () => {
    const vm = buildCertificate(p1);
    expect(vm.kind).toBe("CERTIFICATE");
    expect(vm.title.zh).toBe("基本养老保险参保缴费凭证");
    expect(field(vm, "姓名")).toBe("李明");
    expect(field(vm, "公民身份号码（社会保障号码）")).toBe("440305199003071236");
    expect(field(vm, "户籍所在地")).toBe("广东");
    expect(field(vm, "账户类型")).toBe("一般账户 General account");
    expect(field(vm, "参保起止时间")).toBe("2019-01 – 2024-05");
    expect(field(vm, "实际缴费月数")).toBe("65");
    expect(field(vm, "参保地行政区划代码")).toBe("440300");
    expect(field(vm, "地址")).toBe(shenzhen.address);
    expect(field(vm, "邮编")).toBe("518035");
    expect(field(vm, "联系电话")).toBe("0755-12333");
    expect(vm.issuerName).toBe("周敏");
    expect(vm.office.name).toEqual({ zh: shenzhen.name, en: shenzhen.nameEn });
  });

  test("rows per year with base, months, principal, interest and balance (the 2023 year-end balance is golden E2's)", () => {
    const [byYear] = tables(buildCertificate(p1));
    expect(byYear.rows.map((r) => r[0])).toEqual(["2019", "2020", "2021", "2022", "2023", "2024"]);
    expect(byYear.rows[0]).toEqual(["2019", "2019-01 – 2019-12", "6,000.00", "12", "5,760.00", "237.43", "5,997.43"]);
    expect(byYear.rows[4][6]).toBe("36,361.58");
    expect(byYear.rows[5]).toEqual(["2024", "2024-01 – 2024-05", "7,500.00", "5", "3,000.00", "1,018.17", "40,379.75"]);
    expect(byYear.totals).toEqual(["合计 Total", "", "", "65", "34,776.00", "5,603.75", "40,379.75"]);
  });

  test("a missing year's rate is said, not guessed: the balance stops before it", () => {
    const vm = buildCertificate(p1);
    expect(field(vm, "个人账户储存额（元）")).toBe("40,379.75");
    expect(field(vm, "计息截至")).toBe("2024-12-31");
    expect(allText(vm)).toContain("2025年度记账利率尚未公布或未录入，个人账户储存额计至2024年12月31日");

    const gap = buildCertificate({ ...p1, rates: { ...rates, 2022: undefined as unknown as string } });
    expect(field(gap, "个人账户储存额（元）")).toBe("20,014.46");
    expect(field(gap, "计息截至")).toBe("2021-12-31");
    expect(field(gap, "其后记入本金（未计息，元）")).toBe("16,632.00");
    expect(allText(gap)).toContain("2022, 2025年度记账利率尚未公布或未录入");
    const [rows] = tables(gap);
    expect(rows.rows[3].slice(5)).toEqual(["—", "—"]);
  });

  test("no rate at all for the first year: no balance, and why", () => {
    const outcome = computeBalance(p1Records, {}, 2026);
    expect(outcome).toEqual({ kind: "missing-rates", missingYears: [2019, 2020, 2021, 2022, 2023, 2024, 2025] });
    const vm = buildCertificate({ ...p1, rates: {} });
    expect(field(vm, "个人账户储存额（元）")).toBe("暂无法计算 / not computed");
    expect(allText(vm)).toContain("2019–2025年度记账利率尚未公布或未录入，个人账户储存额暂无法计算");
  });

  test("overlapping records (an open duplicate case) leave the balance out, months counted once", () => {
    const records = [...p1Records, { from: "2020-03", to: "2020-05", monthlyBase: "4000", accountRate: "0.08" }];
    const vm = buildCertificate({ ...p1, records });
    expect(field(vm, "个人账户储存额（元）")).toBe("暂无法计算 / not computed");
    expect(allText(vm)).toContain("缴费记录在2020-03存在重叠");
    expect(field(vm, "实际缴费月数")).toBe("65");
    expect(summariseYears(records).find((y) => y.year === 2020)?.bases).toEqual(["6,300.00", "4,000.00"]);
  });

  test("a year without contributions still shows the interest it earned", () => {
    const records = [
      { from: "2019-01", to: "2019-12", monthlyBase: "6000", accountRate: "0.08" },
      { from: "2021-01", to: "2021-06", monthlyBase: "6000", accountRate: "0.08" },
    ];
    const [t] = tables(buildCertificate({ ...p1, records, asOf: new Date("2022-03-01T00:00:00Z") }));
    expect(t.rows.map((r) => r[0])).toEqual(["2019", "2020", "2021"]);
    expect(t.rows[1].slice(1, 5)).toEqual(["—", "—", "0", "0.00"]);
    expect(t.rows[1][5]).not.toBe("—");
  });

  test("the issue completes the draft: serial, time in Asia/Shanghai, trust block, subject", () => {
    const at = new Date("2026-05-01T02:23:45.000Z");
    const vm = completeDocument(buildCertificate(p1), {
      serial: "440300-2026-000001",
      issuedAt: at,
      subject: { name: "李明", idNumber: "440305199003071236" },
      trust: { verificationCode: "ABCDEFGHJKMNPQRS", verifyUrl: "https://x/verify/ABCDEFGHJKMNPQRS", qrText: "https://x/verify/ABCDEFGHJKMNPQRS?p=a&s=b" },
    });
    expect(vm.issuedAtText).toBe("2026-05-01 10:23:45 (Asia/Shanghai, UTC+08:00)");
    expect(formatIssuedAt(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00:00 (Asia/Shanghai, UTC+08:00)");
    expect(vm.serial).toBe("440300-2026-000001");
    expect(vm.subject).toEqual({ name: "李明", idNumber: "440305199003071236" });
    expect(JSON.parse(JSON.stringify(vm))).toEqual(vm);
  });
});

const person = { name: "李明", idNumber: "440305199003071236" };

describe("letters", () => {
  test("payout decision: amounts in figures and capitals, ground and its legal sources, right of appeal", () => {
    const vm = buildPayoutDecision({
      caseNumber: "440300-SUR-2026-000007",
      person,
      office: shenzhen,
      ground: "emigration-nationality-lost",
      terminationMonth: "2024-06",
      calculation: { payout: "39778.18", priorYearEndBalance: "36361.58", currentYearPrincipal: "3000.00", currentYearInterest: "416.60" },
      issuerName: "郑洁",
    });
    const amount = vm.blocks.find((b) => b.type === "amount");
    expect(amount).toEqual({ type: "amount", label: { zh: "一次性支付金额", en: "One-time payment" }, figures: "39,778.18", capital: "叁万玖仟柒佰柒拾捌元壹角捌分" });
    const [calc, payees] = tables(vm);
    expect(calc.rows.map((r) => r[1])).toEqual(["36,361.58", "3,000.00", "416.60"]);
    expect(calc.totals).toEqual(["支付金额 Amount paid", "39,778.18"]);
    expect(payees.rows).toEqual([["李明", "440305199003071236", "本人 self", "39,778.18"]]);
    expect(vm.references).toEqual([{ label: { zh: "案件编号", en: "Case No." }, value: "440300-SUR-2026-000007" }]);
    const text = allText(vm);
    expect(text).toContain("出国（境）定居并丧失中国国籍");
    expect(text).toContain("人社部令第13号) 第6条");
    expect(text).toContain("六十日内依法申请行政复议");
  });

  test("payout to heirs is addressed to the heirs", () => {
    const vm = buildPayoutDecision({
      caseNumber: "C-1", person, office: shenzhen, ground: "death", terminationMonth: "2024-06",
      calculation: { payout: "100.00", priorYearEndBalance: "100.00", currentYearPrincipal: "0.00", currentYearInterest: "0.00" },
      payees: [{ name: "李华", relationship: "配偶 spouse", amount: "60.00" }, { name: "李小明", relationship: "子女 child", amount: "40.00" }],
      issuerName: "郑洁",
    });
    expect(vm.addressee).toEqual({ zh: "李明的继承人", en: "The heirs of 李明" });
    expect(tables(vm)[1].rows.map((r) => r[3])).toEqual(["60.00", "40.00"]);
  });

  test("refund decision: per record, total in capitals", () => {
    const vm = buildRefundDecision({
      caseNumber: "C-2", person, office: shenzhen, issuerName: "周敏",
      refunds: [{ payerType: "flexible", months: ["2020-05", "2020-03", "2020-04"], amount: "1200.00" }],
      total: "1200.00",
    });
    expect(tables(vm)[0].rows).toEqual([["灵活就业人员缴费 Flexible worker", "3（2020-03 – 2020-05）", "1,200.00"]]);
    expect(vm.blocks.find((b) => b.type === "amount")).toMatchObject({ figures: "1,200.00", capital: "壹仟贰佰元整" });
  });

  test("rejection notice: the reason and its legal source are required and printed", () => {
    const input = {
      caseNumber: "C-3", caseType: "SURRENDER" as const, person, office: shenzhen, issuerName: "周敏",
      reason: { zh: "出国定居但未丧失中国国籍，个人账户予以保留", en: "Settled abroad but kept PRC nationality: the account is kept" },
      legalSources: ["order13-art6" as const],
    };
    const vm = buildRejectionNotice(input);
    const text = allText(vm);
    expect(text).toContain("出国定居但未丧失中国国籍，个人账户予以保留");
    expect(text).toContain("《实施〈社会保险法〉若干规定》(人社部令第13号) 第6条");
    expect(() => buildRejectionNotice({ ...input, legalSources: [] })).toThrow(RangeError);
    expect(() => buildRejectionNotice({ ...input, reason: " " })).toThrow(RangeError);
  });

  test("contact letter: the receiving office and its bank account, or 'not on file'", () => {
    const vm = buildContactLetter({
      caseNumber: "C-4", person, issuerName: "黄磊",
      fromOffice: { name: shenzhen.name, nameEn: shenzhen.nameEn, code: "440300" },
      toOffice: { code: "430100", name: "长沙市社会保险服务中心", nameEn: "Changsha Social Insurance Service Center", phone: "0731-12333",
        bank: { bankName: "中国工商银行长沙分行", bankCode: "102551000010", accountName: "长沙市社会保险服务中心", accountNumber: "1901000000000000000" } },
    });
    expect(vm.addressee?.zh).toBe(shenzhen.name);
    expect(field(vm, "银行账号")).toBe("1901000000000000000");
    expect(field(vm, "原参保地社保机构")).toBe("深圳市社会保险基金管理局（440300）");
    const without = buildContactLetter({ caseNumber: "C-4", person, issuerName: "x", fromOffice: { name: "a" }, toOffice: { code: "1", name: "b", nameEn: "b" } });
    expect(field(without, "开户银行名称")).toBe("（未登记）not on file");
  });

  test("information table: person block, f1–f6 and year rows", () => {
    const vm = buildInfoTable({
      caseNumber: "C-5", person, issuerName: "周敏", fromOffice: shenzhen, toOffice: { name: "长沙市社会保险服务中心", code: "430100" },
      personBlock: { localFrom: "2019-01", localTo: "2024-07", localMonths: 67, transferMonth: "2024-08", employerName: "深圳市华南电子科技有限公司" },
      funds: { f1: "0.00", f2: "36361.58", f3: "5250.00", f4: "41611.58", f5: "74736.00", f6: "116347.58" },
      rows: [
        { year: 2023, from: "2023-01", to: "2023-12", months: 12, monthlyBases: ["7200"], accountRates: ["0.08"], principal: "6912.00", interest: "1267.47", closingBalance: "36361.58" },
        { year: 2024, from: "2024-01", to: "2024-07", months: 7, monthlyBases: ["7500"], accountRates: ["0.08"], principal: "5250.00", interest: null, closingBalance: "41611.58" },
      ],
    });
    expect(field(vm, "在本地缴费起止时间")).toBe("2019-01 – 2024-07");
    expect(field(vm, "在本地实际缴费月数")).toBe("67");
    const [funds, years] = tables(vm);
    expect(funds.rows.map((r) => r[1])).toEqual(["0.00", "36,361.58", "5,250.00", "41,611.58", "74,736.00", "116,347.58"]);
    expect(funds.rows[5][0]).toContain("(6) 转移基金总额 = (4)+(5)");
    expect(years.rows[1]).toEqual(["2024", "2024-01 – 2024-07", "7,500.00", "7", "8%", "5,250.00", "转入地计息", "41,611.58"]);
  });
});
