import { can } from "@/lib/auth/permissions";
import { apiError, readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";
import { drawSample } from "@/lib/supervision/draw-sample";
import { listSamples } from "@/lib/supervision/queries";

/** GET /api/v1/audit/samples — the office's audit samples, newest first. */
export const GET = withApiUser(async (_request, { user, t }) => {
  if (!can(user, "audit:sample")) return apiError("forbidden", t("errors.forbidden"));
  return Response.json({ items: await listSamples(user) });
});

/** POST /api/v1/audit/samples {percentage, minAmount?, caseworkerId?, type?, from?, to?, reviewerId?, note?} (201). */
export const POST = withApiUser(async (request, { user, t }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await drawSample(user, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});
