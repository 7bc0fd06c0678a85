import { getTranslations } from "next-intl/server";
import type { ActionFailure, ActionResult } from "@/lib/service/action-result";
import type { Failure } from "@/lib/service";

export type { ActionFailure, ActionResult };

/** Conflicts that mean the page is out of date: the form offers a reload. */
const staleKeys = new Set(["errors.conflict", "cases.errors.wrongState", "admin.errors.stale", "admin.errors.rateStale", "admin.errors.holidayGone"]);

/** A refusal of any service (lib/service), translated for the form that asked. */
export async function failureResult(error: Failure): Promise<ActionFailure> {
  const t = await getTranslations();
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path] ??= t(issue.key, issue.params);
  const stale = error.code === "conflict" && staleKeys.has(error.key);
  return { ok: false, code: error.code, message: t(error.key, error.params), fieldErrors, stale };
}
