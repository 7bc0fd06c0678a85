import { can } from "@/lib/auth/permissions";
import { findCaseLetter } from "@/lib/cases/case-letters";
import { printCertificate } from "@/lib/certificates/certificates";
import { pdfResponse } from "@/lib/certificates/http";
import { apiError } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";

/**
 * GET /api/v1/cases/{id}/documents/{kind}.pdf — a letter of the case (contact-letter,
 * info-table, payout-decision, refund-decision, rejection-notice) once the case has reached the
 * state that issues it; 404 before, or for another office. Every download is a logged print.
 */
export const GET = withApiUser<{ id: string; file: string }>(async (_request, { user, t }, { id, file }) => {
  if (!can(user, "case:read")) return apiError("forbidden", t("errors.forbidden"));
  const serial = await findCaseLetter(user, id, file);
  if (!serial) return apiError("not_found", t("errors.notFound"));
  const result = await printCertificate(user, serial);
  if (!result.ok) return failureResponse(result.error, t);
  return pdfResponse(result.value.pdf, `${result.value.serial}.pdf`);
});
