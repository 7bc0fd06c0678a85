import { recordDocument } from "@/lib/cases";
import { readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** POST /api/v1/cases/{id}/documents {kind, note?} — a checklist item received. */
export const POST = withApiUser<{ id: string }>(async (request, { user, t }, { id }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await recordDocument(user, id, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value);
});
