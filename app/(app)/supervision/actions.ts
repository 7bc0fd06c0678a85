"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { failureResult as failure, type ActionResult } from "../action-result";
import { drawSample } from "@/lib/supervision/draw-sample";
import { recordFinding } from "@/lib/supervision/record-finding";
import { recordReview } from "@/lib/supervision/review";

export type { ActionResult };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v !== "" ? v : undefined;
};

/** The sampling form → a new sample, then its page. */
export async function drawSampleAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const result = await drawSample(user, {
    percentage: text(form, "percentage"), minAmount: text(form, "minAmount"), caseworkerId: text(form, "caseworkerId"),
    type: text(form, "type"), from: text(form, "from"), to: text(form, "to"), reviewerId: text(form, "reviewerId"), note: text(form, "note"),
  });
  if (!result.ok) return failure(result.error);
  revalidatePath("/supervision/samples");
  redirect(`/supervision/samples/${result.value.id}`);
}

/** The reviewer's own decision on a sampled case (blind), then the same page, now side by side. */
export async function recordReviewAction(itemId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const decision = text(form, "decision");
  const result = await recordReview(user, itemId, {
    decision, amount: decision === "GRANT" ? text(form, "amount") : undefined, note: text(form, "note") ?? "",
  });
  if (!result.ok) return failure(result.error);
  revalidatePath(`/supervision/samples/items/${itemId}`);
  return { ok: true };
}

export async function recordFindingAction(itemId: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const result = await recordFinding(user, itemId, {
    severity: text(form, "severity"), text: text(form, "text") ?? "", openCorrection: form.get("openCorrection") === "on",
  });
  if (!result.ok) return failure(result.error);
  revalidatePath(`/supervision/samples/items/${itemId}`);
  return { ok: true };
}
