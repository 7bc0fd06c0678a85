import { createCase } from "@/lib/cases";
import { casesOf } from "@/lib/cases/reads";
import { readJsonBody } from "@/lib/http/api";
import { failureResponse, queryObject, withApiUser } from "@/lib/http/route";

/** GET /api/v1/cases — the office's cases, filtered, keyset-paginated. */
export const GET = withApiUser(async (request, { user, t }) => {
  const cases = await casesOf(user, queryObject(request));
  return cases.ok ? Response.json(cases.value) : failureResponse(cases.error, t);
});

/** POST /api/v1/cases — intake of a new case (201). */
export const POST = withApiUser(async (request, { user, t }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await createCase(user, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});
