import { can } from "@/lib/auth/permissions";
import { getCaseDetail } from "@/lib/cases";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";
import { revealIdNumber } from "@/lib/people/queries";
import { maskIdNumber } from "@/lib/people/mask";

/** GET /api/v1/cases/{id} — the case with checklist, calculation, linked cases and events. */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  if (!can(user, "case:read")) return apiError("forbidden", t("errors.forbidden"));
  const fullIdNumber = can(user, "person:read-full-id");
  const detail = await getCaseDetail(user, id, { fullIdNumber });
  if (!detail) return apiError("not_found", t("errors.notFound"));
  // A full ID number shown is a logged view (the same rule as the people endpoints).
  if (fullIdNumber) await revealIdNumber(user, true, [detail.person.idNumber], maskIdNumber);
  return Response.json(detail);
});
