import { z } from "zod";
import { getApiUser } from "@/lib/auth/session";
import { apiError, readJsonBody, requestTranslator, validationError } from "@/lib/http/api";
import { revokeCertificate } from "@/lib/certificates/certificates";
import { failureResponse } from "@/lib/certificates/http";

const body = z.object({ reason: z.unknown().optional() }).strict();

/** POST /api/v1/certificates/{serial}/revoke {"reason"} → 200 {"serial", "status"}: supervisors only. */
export async function POST(request: Request, { params }: { params: Promise<{ serial: string }> }) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const json = await readJsonBody(request, t);
  if (!json.ok) return json.response;
  const parsed = body.safeParse(json.value);
  if (!parsed.success) return validationError(parsed.error, t);
  const result = await revokeCertificate(user, (await params).serial, parsed.data.reason);
  if (!result.ok) return failureResponse(result, t);
  return Response.json(result.value);
}
