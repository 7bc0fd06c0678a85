import { z } from "zod";
import { apiError, describeError, readJsonBody, validationError } from "@/lib/http/api";
import { withApi } from "@/lib/http/route";
import { isCalcKind, runCalc } from "@/lib/domain/calc";
import { shanghaiDate } from "@/lib/domain/dates";
import { chinaOfficialCalendar } from "@/lib/domain/holidays-cn";

// The built-in official calendar (2025, 2026) for working-days requests without their own
// lists: this route is pure and reads no stored data (docs/calc-api.md).
const defaultCalendar = chinaOfficialCalendar();

/**
 * POST /api/v1/calc/{kind}: one pure calculation of docs/calc-api.md. No login, no stored data.
 * 200 with the result, 400 for any malformed input (never 500), 404 for an unknown kind.
 */
export const POST = withApi<{ kind: string }>(async (request, { t }, { kind }) => {
  if (!isCalcKind(kind)) return apiError("not_found", t("errors.unknownCalcKind", { kind: kind.slice(0, 64) }));
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  try {
    // "Today" for id-number is the day in Asia/Shanghai when the request is answered.
    const outcome = runCalc(kind, body.value, { defaultCalendar, today: shanghaiDate(new Date()) });
    if (outcome.ok) return Response.json(outcome.result, { headers: { "cache-control": "no-store" } });
    if (outcome.kind === "unknown-kind") return apiError("not_found", t("errors.notFound"));
    return validationError(new z.ZodError(outcome.issues), t);
  } catch (error) {
    // Input that passed validation yet broke a rule is still the caller's input: answer 400,
    // and log it, because it means a schema lets through something the rules cannot take.
    console.error("calc: unexpected error", kind, describeError(error));
    return apiError("bad_request", t("errors.badRequest"));
  }
});
