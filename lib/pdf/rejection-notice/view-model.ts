import { APPEAL_NOTICE, caseReference, legalBasisBlock, personFields, type LegalRef } from "../common";
import { officeVM, type Bilingual, type DocumentDraft, type OfficeInfo, type PersonRef } from "../types";

export const CASE_TYPE_LABELS: Record<"SURRENDER" | "DUPLICATE_REFUND" | "TRANSFER_IN" | "TRANSFER_OUT", Bilingual> = {
  SURRENDER: { zh: "基本养老保险个人账户一次性支付", en: "one-time payment of the personal pension account" },
  DUPLICATE_REFUND: { zh: "重复缴费退费", en: "refund of duplicate contributions" },
  TRANSFER_IN: { zh: "基本养老保险关系转入", en: "transfer of the pension relationship in" },
  TRANSFER_OUT: { zh: "基本养老保险关系转出", en: "transfer of the pension relationship out" },
};

/**
 * Input of the written rejection (不予办理告知书): the reason in writing and the rule it rests on
 * (docs/rules.md §2.1 "reject with a written reason"; 66号 Art. 8 "书面说明理由").
 */
export interface RejectionNoticeInput {
  caseNumber: string;
  caseType: keyof typeof CASE_TYPE_LABELS;
  person: PersonRef;
  office: OfficeInfo;
  /** The reason as the caseworker wrote it; give both languages when available. */
  reason: string | Bilingual;
  /** At least one: the rule the refusal rests on. */
  legalSources: LegalRef[];
  /** "YYYY-MM-DD": when the application was received. */
  appliedOn?: string;
  issuerName: string;
}

export function buildRejectionNotice(input: RejectionNoticeInput): DocumentDraft {
  if (!input.legalSources.length) throw new RangeError("a rejection notice needs its legal source");
  const reason: Bilingual = typeof input.reason === "string" ? { zh: input.reason, en: input.reason } : input.reason;
  if (!reason.zh.trim()) throw new RangeError("a rejection notice needs its reason");
  const type = CASE_TYPE_LABELS[input.caseType];
  const when = input.appliedOn ? `于${input.appliedOn}` : "";
  return {
    schema: 1,
    kind: "REJECTION_NOTICE",
    title: { zh: "不予办理告知书", en: "Notice of Rejection" },
    references: [caseReference(input.caseNumber)],
    addressee: { zh: input.person.name, en: input.person.name },
    blocks: [
      {
        type: "paragraph",
        text: {
          zh: `你${when}提出的${type.zh}申请，经审核，不符合办理条件，决定不予办理。理由如下：`,
          en: `Your application${input.appliedOn ? ` of ${input.appliedOn}` : ""} for the ${type.en} does not meet the conditions and is rejected, for the reason below:`,
        },
      },
      { type: "fields", columns: 2, fields: personFields(input.person) },
      { type: "notes", title: { zh: "不予办理理由", en: "Reason" }, items: [reason] },
      legalBasisBlock(input.legalSources),
      { type: "paragraph", text: APPEAL_NOTICE },
    ],
    office: officeVM(input.office),
    issuerName: input.issuerName,
  };
}
