import { getTranslations } from "next-intl/server";
import type { Failure } from "@/lib/service";

/** What a server action returns to its form: a message and field errors, in the user's language. */
export interface ActionResult {
  ok: boolean;
  message?: string;
  code?: string;
  fieldErrors?: Record<string, string>;
  /** Someone else changed the record since the page was shown: offer a reload. */
  stale?: boolean;
}

/** Conflicts that mean the page is out of date: the form offers a reload. */
const staleKeys = new Set(["errors.conflict", "cases.errors.wrongState", "admin.errors.stale", "admin.errors.rateStale", "admin.errors.holidayGone"]);

/** A refusal of the case or supervision services, translated for the form that asked. */
export async function failureResult(error: Failure): Promise<ActionResult> {
  const t = await getTranslations();
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path] ??= t(issue.key, issue.params);
  const stale = error.code === "conflict" && staleKeys.has(error.key);
  return { ok: false, code: error.code, message: t(error.key, error.params), fieldErrors, stale };
}
