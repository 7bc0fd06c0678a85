"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { updateOffice } from "@/lib/admin/update-office";
import { addHoliday, removeHoliday } from "@/lib/admin/edit-holidays";
import { addCreditingRate, correctCreditingRate } from "@/lib/admin/edit-crediting-rates";
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

/** The calendar form: a day for the national calendar (no office) or one office's own. */
export async function addHolidayAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const result = await addHoliday(user, {
    date: field(form, "date"), kind: field(form, "kind"), name: field(form, "name"), officeId: field(form, "officeId"), reason: field(form, "reason"),
  });
  if (!result.ok) return failure(result.error);
  revalidatePath("/admin");
  return { ok: true, message: (await getTranslations("admin"))("holidayAdded", { date: result.value.date }) };
}

/** Removes one day of the calendar (by the row's id, as the page listed it). */
export async function removeHolidayAction(holidayId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const result = await removeHoliday(user, holidayId, { reason: field(form, "reason") });
  if (!result.ok) return failure(result.error);
  revalidatePath("/admin");
  return { ok: true, message: (await getTranslations("admin"))("holidayRemoved", { date: result.value.date }) };
}

/** A year's crediting rate, national or (before 2016) provincial; the rate stays a decimal string. */
export async function addCreditingRateAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const result = await addCreditingRate(user, {
    year: field(form, "year"), scope: field(form, "scope"), rate: field(form, "rate"),
    provisional: field(form, "provisional"), source: field(form, "source"), reason: field(form, "reason"),
  });
  if (!result.ok) return failure(result.error);
  revalidatePath("/admin");
  return { ok: true, message: (await getTranslations("admin"))("rateAdded", { year: result.value.year }) };
}

/** A correction of one rate row at the version the page showed; a reason is required. */
export async function correctCreditingRateAction(rateId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const result = await correctCreditingRate(user, rateId, {
    version: field(form, "version"), rate: field(form, "rate"),
    // An unticked checkbox sends nothing: the form says it carries the flag with a hidden field.
    provisional: form.has("provisionalShown") ? (field(form, "provisional") ?? "false") : undefined,
    source: field(form, "source"), reason: field(form, "reason"),
  });
  if (!result.ok) return failure(result.error);
  revalidatePath("/admin");
  const t = await getTranslations("admin");
  return { ok: true, message: result.value.changed.length ? t("rateCorrected", { version: result.value.version }) : t("rateUnchanged") };
}
