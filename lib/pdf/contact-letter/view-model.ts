import { legalBasisBlock, caseReference, personFields } from "../common";
import { officeVM, type DocumentDraft, type OfficeInfo, type PersonRef } from "../types";

/** The receiving bank account of the transfer-in office (where the funds are to be sent). */
export interface BankAccount {
  /** 开户银行名称 */
  bankName: string;
  /** 银行行号 */
  bankCode: string;
  /** 开户全称 */
  accountName: string;
  /** 银行账号 */
  accountNumber: string;
}

/**
 * Input of 《基本养老保险关系转移接续联系函》 (docs/rules.md §4.2; 66号 Art. 8): sent by the transfer-in
 * office (the issuer) to the office the relationship leaves, once the transfer is accepted.
 */
export interface ContactLetterInput {
  /** The TRANSFER_IN case. */
  caseNumber: string;
  person: PersonRef;
  /** 原参保地社保机构: the transfer-out office (inside or outside the deployment). */
  fromOffice: { name: string; nameEn?: string; code?: string };
  /** 新参保地社保机构: the issuing transfer-in office, with its receiving account when on file. */
  toOffice: OfficeInfo & { bank?: BankAccount | null };
  /** "YYYY-MM": the month the transfer takes effect, when known. */
  transferMonth?: string;
  issuerName: string;
}

export function buildContactLetter(input: ContactLetterInput): DocumentDraft {
  const { person, fromOffice, toOffice } = input;
  const bank = toOffice.bank ?? null;
  const notOnFile = "（未登记）not on file";
  return {
    schema: 1,
    kind: "CONTACT_LETTER",
    title: { zh: "基本养老保险关系转移接续联系函", en: "Contact Letter for the Transfer of the Basic Pension Insurance Relationship" },
    references: [caseReference(input.caseNumber)],
    addressee: { zh: fromOffice.name, en: fromOffice.nameEn ?? fromOffice.name },
    blocks: [
      {
        type: "paragraph",
        text: {
          zh: `参保人员${person.name}（公民身份号码：${person.idNumber}）已在我地就业参保，并申请转移接续基本养老保险关系。经审核，符合转移接续条件，我单位同意接收。请按规定为其办理基本养老保险关系转出手续，并将《基本养老保险关系转移接续信息表》和转移基金及时转至我单位。`,
          en: `${person.name} (ID number ${person.idNumber}) is now employed and insured here and has applied to transfer the basic pension insurance relationship. The application meets the conditions and we accept the transfer. Please transfer the relationship out, and send us the transfer information table and the transfer funds.`,
        },
      },
      {
        type: "fields",
        title: { zh: "参保人员", en: "Insured person" },
        columns: 2,
        fields: [
          ...personFields(person),
          { label: { zh: "原参保地社保机构", en: "Office transferred from" }, value: fromOffice.code ? `${fromOffice.name}（${fromOffice.code}）` : fromOffice.name, wide: true },
          ...(input.transferMonth ? [{ label: { zh: "转移时间", en: "Transfer month" }, value: input.transferMonth }] : []),
        ],
      },
      {
        type: "fields",
        title: { zh: "新参保地社保机构", en: "Office transferred to" },
        columns: 2,
        fields: [
          { label: { zh: "机构名称", en: "Office" }, value: `${toOffice.name}  ${toOffice.nameEn}`, wide: true },
          { label: { zh: "行政区划代码", en: "Region code" }, value: toOffice.code },
          { label: { zh: "联系电话", en: "Phone" }, value: toOffice.phone ?? "" },
          { label: { zh: "地址", en: "Address" }, value: toOffice.address ?? "", wide: true },
          { label: { zh: "邮编", en: "Postcode" }, value: toOffice.postcode ?? "" },
          { label: { zh: "开户银行名称", en: "Bank" }, value: bank?.bankName ?? notOnFile },
          { label: { zh: "银行行号", en: "Bank code" }, value: bank?.bankCode ?? notOnFile },
          { label: { zh: "开户全称", en: "Account name" }, value: bank?.accountName ?? notOnFile },
          { label: { zh: "银行账号", en: "Account number" }, value: bank?.accountNumber ?? notOnFile, wide: true },
        ],
      },
      legalBasisBlock(["guoban-2009-66-art8", "hrss-2009-187"]),
    ],
    office: officeVM(toOffice),
    issuerName: input.issuerName,
  };
}
