import { can } from "@/lib/auth/permissions";
import { getDailyHeads, isCalendarDate } from "@/lib/audit/daily-head";
import { db } from "@/lib/db/client";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";

/**
 * GET /api/v1/audit/chain-head?date=YYYY-MM-DD — the office's daily chain heads (the last event's
 * seq and hash at the end of that Beijing day) as a JSON file to keep outside the system.
 */
export const GET = withApiUser(async (request, { user, t }) => {
  if (!can(user, "audit:read")) return apiError("forbidden", t("errors.forbidden"));
  const date = new URL(request.url).searchParams.get("date") ?? "";
  if (!isCalendarDate(date))
    return apiError("bad_request", t("errors.badRequest"), [{ path: "date", message: t("validation.date") }]);
  const heads = await getDailyHeads(db, user.officeId, date);
  return Response.json(heads, {
    headers: { "content-disposition": `attachment; filename="chain-head-${user.officeCode}-${date}.json"`, "cache-control": "no-store" },
  });
});
