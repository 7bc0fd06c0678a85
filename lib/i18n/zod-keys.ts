import type { ZodError } from "zod";
import { hasMessage } from "./translate";

type Issue = ZodError["issues"][number];

const zodCodeToKey: Record<string, string> = {
  invalid_type: "validation.invalidType",
  too_big: "validation.tooBig",
  too_small: "validation.tooSmall",
  unrecognized_keys: "validation.unknownKey",
  invalid_format: "validation.invalid",
  invalid_value: "validation.invalid",
};

/**
 * The message key of a zod issue: the schema's own key when it gave one
 * (`{ message: "validation.month" }`), "required" for a missing field, else one per zod code.
 */
export function zodIssueKey(issue: Issue): string {
  if (hasMessage(issue.message)) return issue.message;
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return "validation.required";
  return zodCodeToKey[issue.code] ?? "validation.invalid";
}

export function zodIssuePath(issue: Issue): string {
  return issue.path.map(String).join(".") || "(body)";
}

/**
 * Issues as the API reports them: one per field at fault. An unexpected key is reported at its
 * own path (e.g. "role"), not at the object that holds it.
 */
export function flattenZodIssues(error: ZodError, max = 50): Array<{ path: string; key: string; params?: Record<string, string | number> }> {
  const out: Array<{ path: string; key: string; params?: Record<string, string | number> }> = [];
  for (const issue of error.issues) {
    const params = (issue as { params?: Record<string, string | number> }).params;
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out.push({ path: [...issue.path.map(String), k].join("."), key: "validation.unknownKey" });
    } else out.push({ path: zodIssuePath(issue), key: zodIssueKey(issue), params });
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}
