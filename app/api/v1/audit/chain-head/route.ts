import { officeDailyHeads } from "@/lib/audit/office-audit";
import { failureResponse, withApiUser } from "@/lib/http/route";

/**
 * GET /api/v1/audit/chain-head?date=YYYY-MM-DD — the office's daily chain heads (the last event's
 * seq and hash at the end of that Beijing day) as a JSON file to keep outside the system.
 */
export const GET = withApiUser(async (request, { user, t }) => {
  const date = new URL(request.url).searchParams.get("date") ?? "";
  const heads = await officeDailyHeads(user, date);
  if (!heads.ok) return failureResponse(heads.error, t);
  return Response.json(heads.value, {
    headers: { "content-disposition": `attachment; filename="chain-head-${user.officeCode}-${date}.json"`, "cache-control": "no-store" },
  });
});
