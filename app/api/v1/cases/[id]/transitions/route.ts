import { transitionCase } from "@/lib/cases";
import { readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** POST /api/v1/cases/{id}/transitions {action, version, reason?, data?} → {status, version}. */
export const POST = withApiUser<{ id: string }>(async (request, { user, t }, { id }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await transitionCase(user, id, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json({ status: result.value.status, version: result.value.version });
});
