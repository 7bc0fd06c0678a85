import { readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";
import { recordReview } from "@/lib/supervision/review";

/** POST /api/v1/audit/sample-items/{id}/review {decision: GRANT|REJECT, amount?, note} — once per item. */
export const POST = withApiUser<{ id: string }>(async (request, { user, t }, { id }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await recordReview(user, id, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});
