import { bi, type Bilingual } from "./explain";
import { isPayingGround, type PayingGround } from "./surrender-grounds";

/**
 * Documents for a one-time payment of the personal account, per ground (docs/rules.md §2.3: the
 * national minimum plus the typical local list — LOCAL, so offices may extend it).
 */
export type DocumentKind =
  | "application-form"
  | "applicant-id"
  | "bank-account"
  | "power-of-attorney"
  | "agent-id"
  | "death-proof"
  | "heir-id"
  | "relationship-proof"
  | "inheritance-instrument"
  | "nationality-loss-proof"
  | "hukou-cancellation-proof"
  | "consequences-acknowledgement"
  | "no-resident-transfer-statement"
  | "passport"
  | "departure-proof"
  | "hk-mo-tw-permit";

export interface DocumentRequirement {
  kind: DocumentKind;
  label: Bilingual;
  /** False for items needed only in some situations (`when` says which). */
  required: boolean;
  when?: "filed-by-agent" | "several-heirs-or-dispute";
}

type Spec = Omit<DocumentRequirement, "required"> & { conditional?: true };

const common: Spec[] = [
  {
    kind: "application-form",
    label: bi("《参保人员终止社会保险关系申请表》或《个人账户一次性支付申报表》", "Application form for terminating the relationship / one-time payment"),
  },
  { kind: "applicant-id", label: bi("申请人有效身份证件", "Applicant's identity document") },
  {
    kind: "bank-account",
    label: bi("具有金融功能的社会保障卡或本人实名银行账户", "Social security card with financial function or a real-name bank account"),
  },
  { kind: "power-of-attorney", label: bi("授权委托书", "Power of attorney"), when: "filed-by-agent", conditional: true },
  { kind: "agent-id", label: bi("代办人身份证件", "Agent's identity document"), when: "filed-by-agent", conditional: true },
];

const byGround: Record<PayingGround, Spec[]> = {
  death: [
    {
      kind: "death-proof",
      label: bi("居民死亡医学证明、火化证明或户籍注销证明（或告知承诺书）", "Death proof: medical death certificate, cremation or hukou cancellation (or a signed commitment)"),
    },
    { kind: "heir-id", label: bi("继承人身份证件", "Heirs' identity documents") },
    {
      kind: "relationship-proof",
      label: bi("亲属关系证明（户口簿、结婚证、出生证明或亲属关系公证）", "Proof of relationship (hukou booklet, marriage or birth certificate, notarised kinship)"),
    },
    {
      kind: "inheritance-instrument",
      label: bi("继承公证书、继承协议或法院判决", "Inheritance notarisation, heirs' agreement or court judgment"),
      when: "several-heirs-or-dispute",
      conditional: true,
    },
  ],
  "emigration-nationality-lost": [
    {
      kind: "nationality-loss-proof",
      label: bi("定居国外并丧失中国国籍的证明（外国护照或入籍证明）", "Proof of settling abroad and losing PRC nationality (foreign passport or naturalisation)"),
    },
    { kind: "hukou-cancellation-proof", label: bi("户籍注销证明", "Hukou cancellation certificate") },
    {
      kind: "consequences-acknowledgement",
      label: bi("已签收的书面告知书（权利及终止后果）", "Signed acknowledgement of the written notice of rights and consequences"),
    },
  ],
  "retirement-age-short-contributions": [
    {
      kind: "consequences-acknowledgement",
      label: bi("《终止社会保险关系后果告知书》", "Signed notice of the consequences of terminating the relationship"),
    },
    {
      kind: "no-resident-transfer-statement",
      label: bi("未转入城乡居民基本养老保险的声明", "Statement of not having transferred to the resident scheme"),
    },
  ],
  "foreign-national-leaving": [
    { kind: "passport", label: bi("护照", "Passport") },
    {
      kind: "departure-proof",
      label: bi("解除劳动关系证明或离境证明", "Proof of leaving the job or of departure"),
    },
  ],
  "hk-macao-taiwan-leaving": [
    {
      kind: "hk-mo-tw-permit",
      label: bi("港澳台居民居住证或来往内地（大陆）通行证、台胞证", "HK/Macao/Taiwan residence permit or mainland travel permit"),
    },
  ],
};

/**
 * The checklist for a ground. Conditional items are listed with `required: false` unless the
 * situation is flagged; a ground that does not pay has no checklist.
 */
export function requiredDocuments(
  ground: string,
  situation: { filedByAgent?: boolean; severalHeirsOrDispute?: boolean } = {},
): DocumentRequirement[] {
  if (!isPayingGround(ground)) return [];
  return [...common, ...byGround[ground]].map(({ conditional, ...spec }) => ({
    ...spec,
    required:
      !conditional ||
      (spec.when === "filed-by-agent" && !!situation.filedByAgent) ||
      (spec.when === "several-heirs-or-dispute" && !!situation.severalHeirsOrDispute),
  }));
}
