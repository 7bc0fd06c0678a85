"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { createCase, recordDocument, reassignCases, transitionCase, type CaseFailure } from "@/lib/cases";

/** What an action returns to its form: a message and field errors, all in the user's language. */
export interface ActionResult {
  ok: boolean;
  message?: string;
  code?: string;
  fieldErrors?: Record<string, string>;
}

async function failure(error: CaseFailure): Promise<ActionResult> {
  const t = await getTranslations();
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path] ??= t(issue.key, issue.params);
  return { ok: false, code: error.code, message: t(error.key, error.params), fieldErrors };
}

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
