import { caseOf } from "@/lib/cases/reads";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** GET /api/v1/cases/{id} — the case with checklist, calculation, linked cases and events. */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const detail = await caseOf(user, id);
  return detail.ok ? Response.json(detail.value) : failureResponse(detail.error, t);
});
