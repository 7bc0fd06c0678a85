import { can } from "@/lib/auth/permissions";
import { getCaseDetail } from "@/lib/cases";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";

/** GET /api/v1/cases/{id} — the case with checklist, calculation, linked cases and events. */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  if (!can(user, "case:read")) return apiError("forbidden", t("errors.forbidden"));
  const detail = await getCaseDetail(user, id);
  if (!detail) return apiError("not_found", t("errors.notFound"));
  return Response.json(detail);
});
