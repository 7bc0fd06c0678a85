"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { failureResult as failure, type ActionResult } from "../action-result";
import { createCase, recordDocument, reassignCases, transitionCase } from "@/lib/cases";

export type { ActionResult };

/** Intake form → a new case in DRAFT, then its page. */
export async function createCaseAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const type = String(form.get("type") ?? "");
  let payees: unknown;
  try {
    payees = JSON.parse(String(form.get("payees") || "[]"));
  } catch {
    payees = null; // refused by the schema with a field error, like any other bad value
  }
  const input =
    type === "SURRENDER"
      ? { type, idNumber: form.get("idNumber"), ground: form.get("ground"), terminationMonth: form.get("terminationMonth"), payees: form.get("ground") === "death" ? payees : undefined, filedByAgent: form.get("filedByAgent") === "on" }
      : type === "TRANSFER_IN"
        ? { type, idNumber: form.get("idNumber"), fromOffice: form.get("fromOffice"), transferMonth: form.get("transferMonth") || undefined }
        : { type, idNumber: form.get("idNumber") };
  const result = await createCase(user, input);
  if (!result.ok) return failure(result.error);
  revalidatePath("/cases");
  redirect(`/cases/${result.value.id}`);
}

/** A workflow action from the case page (the version is the one the page showed). */
export async function transitionAction(caseId: string, input: { action: string; version: number; reason?: string; data?: Record<string, string> }): Promise<ActionResult> {
  const user = await requireUser();
  const result = await transitionCase(user, caseId, input);
  if (!result.ok) return failure(result.error);
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/inbox");
  return { ok: true };
}

export async function recordDocumentAction(caseId: string, kind: string, version: number): Promise<ActionResult> {
  const user = await requireUser();
  const result = await recordDocument(user, caseId, { kind }, { version });
  if (!result.ok) return failure(result.error);
  revalidatePath(`/cases/${caseId}`);
  return { ok: true };
}

export async function reassignAction(input: { caseIds: string[]; assigneeId: string; reason: string }): Promise<ActionResult> {
  const user = await requireUser();
  const result = await reassignCases(user, input);
  if (!result.ok) return failure(result.error);
  revalidatePath("/cases");
  revalidatePath("/inbox");
  return { ok: true };
}
