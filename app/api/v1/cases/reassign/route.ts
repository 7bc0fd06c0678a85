import { reassignCases } from "@/lib/cases";
import { readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** POST /api/v1/cases/reassign {caseIds, assigneeId, reason} — supervisors only. */
export const POST = withApiUser(async (request, { user, t }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await reassignCases(user, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value);
});
