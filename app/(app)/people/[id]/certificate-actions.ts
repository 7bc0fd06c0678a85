"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { issueCertificate, pdfPath } from "@/lib/certificates/certificates";
import { publicBaseUrl } from "@/lib/certificates/public-url";
import { failureResult, type ActionResult } from "../../action-result";

export type IssueResult = ActionResult<{ serial: string; pdfUrl: string }>;

/** Issues a 参保缴费凭证 for the person from the caller's office (the service checks permission). */
export async function issueCertificateAction(personId: string): Promise<IssueResult> {
  const user = await requireUser();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const origin = host ? `${h.get("x-forwarded-proto") ?? "http"}://${host}` : null;
  const result = await issueCertificate(user, { personId: String(personId) }, { baseUrl: publicBaseUrl(origin) });
  if (!result.ok) return failureResult(result.error);
  revalidatePath("/certificates");
  const t = await getTranslations();
  return { ok: true, serial: result.value.serial, pdfUrl: pdfPath(result.value.serial), message: t("certificates.issued", { serial: result.value.serial }) };
}
