import { bi, type Bilingual } from "@/lib/domain/explain";
import { requiredDocuments } from "@/lib/domain/surrender-documents";
import type { CaseType } from "@/lib/workflow";

export interface ChecklistItem {
  kind: string;
  label: Bilingual;
  required: boolean;
}

const item = (kind: string, zh: string, en: string, required = true): ChecklistItem => ({ kind, label: bi(zh, en), required });

const base = {
  "application-form": ["申请表", "Application form"],
  "applicant-id": ["申请人有效身份证件", "Applicant's identity document"],
} as const;

/** Labels of every kind a checklist can hold (for the case page and the API). */
const otherKinds: Record<string, Bilingual> = {
  "duplicate-application-form": bi("《重复缴费退款申报表》", "Duplicate-contribution refund application"),
  "other-office-statement": bi("其他参保地盖章的缴费明细", "Stamped contribution statement of the other office"),
  "transfer-application-form": bi("《基本养老保险关系转移接续申请表》", "Application for transfer and continuation"),
  "payment-certificate": bi("《基本养老保险参保缴费凭证》", "Insurance-payment certificate of the original office"),
  "contact-letter": bi("《基本养老保险关系转移接续联系函》", "Contact letter of the new office"),
};

/**
 * The checklist a new case starts with. Surrender: per ground (docs/rules.md §2.3; LOCAL — offices
 * may extend it); duplicate refund (§3.3) and transfer (§4.2): the national forms.
 */
export function checklistFor(
  type: CaseType,
  intake: { ground?: string; filedByAgent?: boolean; severalHeirs?: boolean; crossOffice?: boolean },
): ChecklistItem[] {
  switch (type) {
    case "SURRENDER": {
      const items = requiredDocuments(intake.ground ?? "", {
        filedByAgent: intake.filedByAgent,
        severalHeirsOrDispute: intake.severalHeirs,
      }).map((d) => ({ kind: d.kind, label: d.label, required: d.required }));
      // A ground that does not pay still needs the written application, to be refused in writing.
      return items.length ? items : [item("application-form", ...base["application-form"]), item("applicant-id", ...base["applicant-id"])];
    }
    case "DUPLICATE_REFUND":
      return [
        { kind: "duplicate-application-form", label: otherKinds["duplicate-application-form"], required: true },
        item("applicant-id", ...base["applicant-id"]),
        { kind: "other-office-statement", label: otherKinds["other-office-statement"], required: !!intake.crossOffice },
      ];
    case "TRANSFER_IN":
      return [
        { kind: "transfer-application-form", label: otherKinds["transfer-application-form"], required: true },
        item("applicant-id", ...base["applicant-id"]),
        { kind: "payment-certificate", label: otherKinds["payment-certificate"], required: true },
      ];
    case "TRANSFER_OUT":
      return [{ kind: "contact-letter", label: otherKinds["contact-letter"], required: true }];
  }
}

/** The label of a checklist kind, for any case type. */
export function checklistLabel(kind: string): Bilingual {
  const fromSurrender = requiredDocumentsLabels().get(kind);
  if (fromSurrender) return fromSurrender;
  if (kind in base) {
    const [zh, en] = base[kind as keyof typeof base];
    return bi(zh, en);
  }
  return otherKinds[kind] ?? bi(kind, kind);
}

let labelCache: Map<string, Bilingual> | undefined;
function requiredDocumentsLabels(): Map<string, Bilingual> {
  if (!labelCache) {
    labelCache = new Map();
    for (const ground of ["death", "emigration-nationality-lost", "retirement-age-short-contributions", "foreign-national-leaving", "hk-macao-taiwan-leaving"])
      for (const d of requiredDocuments(ground, { filedByAgent: true, severalHeirsOrDispute: true })) labelCache.set(d.kind, d.label);
  }
  return labelCache;
}
