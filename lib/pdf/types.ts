import type { Bilingual } from "@/lib/domain/explain";

export type { Bilingual };

/**
 * The view model of every printed document: the exact strings and rows to print, nothing else.
 * It is plain JSON, stored with the issued document (Certificate.content) so that a reprint or a
 * batch print renders the very same page years later, whatever the code or the data became.
 * Builders (one per document, in its folder's view-model.ts) are pure; `render.ts` only draws it.
 */
export const documentKinds = [
  "CERTIFICATE",
  "CONTACT_LETTER",
  "INFO_TABLE",
  "PAYOUT_DECISION",
  "REFUND_DECISION",
  "REJECTION_NOTICE",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (documentKinds as readonly string[]).includes(value);
}

export interface FieldVM {
  label: Bilingual;
  value: string;
  /** Spans the whole width in a two-column grid. */
  wide?: boolean;
}

export interface ColumnVM {
  label: Bilingual;
  align: "left" | "right" | "center";
  /** Relative width. */
  width: number;
}

export type BlockVM =
  | { type: "fields"; title?: Bilingual; columns: 1 | 2; fields: FieldVM[] }
  | { type: "table"; title?: Bilingual; columns: ColumnVM[]; rows: string[][]; totals?: string[] }
  /** A paragraph printed in Chinese with its English translation beneath. */
  | { type: "paragraph"; text: Bilingual }
  /** An amount in figures and in Chinese capital numerals (大写金额). */
  | { type: "amount"; label: Bilingual; figures: string; capital: string }
  | { type: "notes"; title?: Bilingual; items: Bilingual[] };

export interface IssuingOfficeVM {
  code: string;
  name: Bilingual;
  address: string;
  postcode: string;
  phone: string;
}

/** Set by the issuing service (lib/certificates) once the serial and signature exist. */
export interface TrustVM {
  verificationCode: string;
  /** The public verification page, printed under the QR code. */
  verifyUrl: string;
  /** What the QR code encodes: the verification URL carrying the signed payload. */
  qrText: string;
}

export interface DocumentViewModel {
  schema: 1;
  kind: DocumentKind;
  title: Bilingual;
  /** Reference lines under the title besides the serial, e.g. the case number. */
  references: FieldVM[];
  /** "To: …" for letters and decisions. */
  addressee?: Bilingual;
  blocks: BlockVM[];
  office: IssuingOfficeVM;
  issuerName: string;
  /** Filled at issue: the serial, the issue time (ISO, UTC) and its printed form (Asia/Shanghai). */
  serial?: string;
  issuedAt?: string;
  issuedAtText?: string;
  trust?: TrustVM;
  /** Who the document is about, as certified (the signed subject hash is computed from it). */
  subject?: PersonRef;
}

/** What a builder returns before issue: everything but the serial, time and trust block. */
export type DocumentDraft = Omit<DocumentViewModel, "serial" | "issuedAt" | "issuedAtText" | "trust" | "subject">;

/** Plain office data as the builders take it. */
export interface OfficeInfo {
  code: string;
  name: string;
  nameEn: string;
  address?: string;
  postcode?: string;
  phone?: string;
}

export interface PersonRef {
  name: string;
  idNumber: string;
}

export function officeVM(o: OfficeInfo): IssuingOfficeVM {
  return {
    code: o.code,
    name: { zh: o.name, en: o.nameEn },
    address: o.address ?? "",
    postcode: o.postcode ?? "",
    phone: o.phone ?? "",
  };
}
