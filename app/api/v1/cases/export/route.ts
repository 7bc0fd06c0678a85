import { failureResponse, queryObject, withApiUser } from "@/lib/http/route";
import { exportCases } from "@/lib/supervision/export-cases";

/**
 * GET /api/v1/cases/export?…the list's filters… — the office's cases as CSV (UTF-8 with BOM),
 * streamed page by page. ID numbers masked; `fullIds=true` gives full ones to users allowed to
 * see them, each logged.
 */
export const GET = withApiUser(async (request, { user, t }) => {
  const exported = await exportCases(user, queryObject(request), t);
  if (!exported.ok) return failureResponse(exported.error, t);
  return new Response(exported.value.stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exported.value.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
