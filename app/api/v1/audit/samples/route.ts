import { readJsonBody } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";
import { drawSample } from "@/lib/supervision/draw-sample";
import { samplesOf } from "@/lib/supervision/reads";

/** GET /api/v1/audit/samples — the office's audit samples, newest first. */
export const GET = withApiUser(async (_request, { user, t }) => {
  const samples = await samplesOf(user);
  if (!samples.ok) return failureResponse(samples.error, t);
  return Response.json({ items: samples.value });
});

/** POST /api/v1/audit/samples {percentage, minAmount?, caseworkerId?, type?, from?, to?, reviewerId?, note?} (201). */
export const POST = withApiUser(async (request, { user, t }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const result = await drawSample(user, body.value);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});
