import { caseLetterPdf } from "@/lib/cases/reads";
import { pdfResponse } from "@/lib/certificates/http";
import { failureResponse, withApiUser } from "@/lib/http/route";

/**
 * GET /api/v1/cases/{id}/documents/{kind}.pdf — a letter of the case (contact-letter,
 * info-table, payout-decision, refund-decision, rejection-notice) once the case has reached the
 * state that issues it; 404 before, or for another office. Every download is a logged print.
 */
export const GET = withApiUser<{ id: string; file: string }>(async (_request, { user, t }, { id, file }) => {
  const letter = await caseLetterPdf(user, id, file);
  if (!letter.ok) return failureResponse(letter.error, t);
  return pdfResponse(letter.value.pdf, `${letter.value.serial}.pdf`);
});
