import { can } from "@/lib/auth/permissions";
import { createCase, listCases, listFiltersSchema } from "@/lib/cases";
import { apiError, readJsonBody, validationError } from "@/lib/http/api";
import { failureResponse, queryObject, withApiUser } from "@/lib/http/route";

/** GET /api/v1/cases — the office's cases, filtered, keyset-paginated. */
export const GET = withApiUser(async (request, { user, t }) => {
  if (!can(user, "case:read")) return apiError("forbidden", t("errors.forbidden"));
  const filters = listFiltersSchema.safeParse(queryObject(request));
  if (!filters.success) return validationError(filters.error, t);
  return Response.json(await listCases(user, filters.data));
});

/** POST /api/v1/cases — intake of a new case (201). */
export const POST = withApiUser(async (request, { user, t }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await createCase(user, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});
