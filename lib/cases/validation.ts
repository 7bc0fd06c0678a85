import type { ZodError } from "zod";
import { flattenZodIssues } from "@/lib/i18n/zod-keys";
import { CaseFailure } from "./errors";

/** A zod error as a 400 CaseFailure whose issues carry message keys (translated at the edge). */
export function zodFailure(error: ZodError): CaseFailure {
  return new CaseFailure(
    "bad_request",
    "errors.badRequest",
    {},
    flattenZodIssues(error),
  );
}
