"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { updateOffice } from "@/lib/admin/update-office";
import { failureResult as failure, type ActionResult } from "../action-result";

export type { ActionResult };

/** Form fields; an absent field is left as it is. */
const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** The office form of the admin page → the office's details and local limits (version from the page). */
export async function updateOfficeAction(officeId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const sla = { SURRENDER: field(form, "sla.SURRENDER"), DUPLICATE_REFUND: field(form, "sla.DUPLICATE_REFUND") };
  const result = await updateOffice(user, officeId, {
    version: field(form, "version"),
    address: field(form, "address"), postcode: field(form, "postcode"), phone: field(form, "phone"),
    bankName: field(form, "bankName"), bankCode: field(form, "bankCode"),
    accountName: field(form, "accountName"), accountNumber: field(form, "accountNumber"),
    approvalLimit: field(form, "approvalLimit"),
    sla: sla.SURRENDER === undefined && sla.DUPLICATE_REFUND === undefined ? undefined : sla,
    reason: field(form, "reason"),
  });
  if (!result.ok) return failure(result.error);
  revalidatePath("/admin");
  const t = await getTranslations("admin");
  return { ok: true, message: result.value.changed.length ? t("saved", { version: result.value.version }) : t("unchanged") };
}
