import { can } from "@/lib/auth/permissions";
import { apiError, validationError } from "@/lib/http/api";
import { queryObject, withApiUser } from "@/lib/http/route";
import { casesCsvStream, exportFileName, exportFiltersSchema } from "@/lib/supervision/export-cases";

/**
 * GET /api/v1/cases/export?…the list's filters… — the office's cases as CSV (UTF-8 with BOM),
 * streamed page by page. ID numbers masked; `fullIds=true` gives full ones to users allowed to
 * see them, each logged.
 */
export const GET = withApiUser(async (request, { user, t }) => {
  if (!can(user, "case:read")) return apiError("forbidden", t("errors.forbidden"));
  const filters = exportFiltersSchema.safeParse(queryObject(request));
  if (!filters.success) return validationError(filters.error, t);
  if (filters.data.fullIds === "true" && !can(user, "person:read-full-id")) return apiError("forbidden", t("errors.forbidden"));
  const stream = casesCsvStream(user, { filters: filters.data, fullIds: filters.data.fullIds === "true", t });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(user.officeCode, new Date())}"`,
      "cache-control": "no-store",
    },
  });
});
