import { caseLogPdf } from "@/lib/audit/office-audit";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** GET /api/v1/audit/cases/{id}/log — the case's audit log as a PDF (gather → view model → render). */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const log = await caseLogPdf(user, id);
  if (!log.ok) return failureResponse(log.error, t);
  return new Response(new Uint8Array(log.value.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="audit-log-${log.value.caseNumber}.pdf"`,
      "cache-control": "no-store",
    },
  });
});
