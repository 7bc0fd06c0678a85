import { can } from "@/lib/auth/permissions";
import { gatherCaseLog } from "@/lib/audit/case-log/gather";
import { renderCaseLog } from "@/lib/audit/case-log/render";
import { buildCaseLog } from "@/lib/audit/case-log/view-model";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";

/** GET /api/v1/audit/cases/{id}/log — the case's audit log as a PDF (gather → view model → render). */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  if (!can(user, "audit:read")) return apiError("forbidden", t("errors.forbidden"));
  const input = await gatherCaseLog(user, id);
  if (!input) return apiError("not_found", t("errors.notFound"));
  const pdf = await renderCaseLog(buildCaseLog(input));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="audit-log-${input.caseNumber}.pdf"`,
      "cache-control": "no-store",
    },
  });
});
