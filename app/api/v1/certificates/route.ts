import { z } from "zod";
import { apiError, readJsonBody, validationError } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";
import { issueCertificate } from "@/lib/certificates/certificates";
import { filterFromSearchParams, listCertificates } from "@/lib/certificates/queries";
import { publicBaseUrl } from "@/lib/certificates/public-url";

const issueBody = z.object({ idNumber: z.string({ message: "validation.required" }).max(32, { message: "validation.tooLong" }) }).strict();

/** POST /api/v1/certificates {"idNumber"} → 201 {"serial", "verificationCode", "url"} */
export const POST = withApiUser(async (request, { user, t }) => {
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const parsed = issueBody.safeParse(body.value);
  if (!parsed.success) return validationError(parsed.error, t);
  const result = await issueCertificate(user, { idNumber: parsed.data.idNumber }, { baseUrl: publicBaseUrl(new URL(request.url).origin) });
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201, headers: { location: result.value.url } });
});

/** GET /api/v1/certificates?kind=&status=&from=&to=&cursor=&limit= → {"items", "nextCursor"} */
export const GET = withApiUser(async (request, { user, t }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = filterFromSearchParams(params);
  if (!filter.success) return validationError(filter.error, t);
  const limit = params.limit ? Number(params.limit) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 200))
    return apiError("bad_request", t("errors.badRequest"), [{ path: "limit", message: t("validation.invalid") }]);
  const result = await listCertificates(user, filter.data, { cursor: params.cursor, limit });
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { headers: { "cache-control": "no-store" } });
});
