import { readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";
import { recordFinding } from "@/lib/supervision/record-finding";

/** POST /api/v1/audit/sample-items/{id}/findings {severity, text, openCorrection?} (201). */
export const POST = withApiUser<{ id: string }>(async (request, { user, t }, { id }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await recordFinding(user, id, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});
