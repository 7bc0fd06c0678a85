import { revokeCertificate } from "@/lib/certificates/certificates";
import { reasonRoute } from "@/lib/certificates/http";
import { failureResponse } from "@/lib/http/route";

/** POST /api/v1/certificates/{serial}/revoke {"reason"} → 200 {"serial", "status"}: supervisors only. */
export const POST = reasonRoute(async ({ user, serial, reason, t }) => {
  const result = await revokeCertificate(user, serial, reason);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value);
});
