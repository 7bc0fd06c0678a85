import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { readJsonBody, validationError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";
import type { Translator } from "@/lib/i18n/translate";

export function pdfResponse(pdf: Buffer, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `inline; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  });
}

const reasonBody = z.object({ reason: z.unknown().optional() }).strict();

/**
 * The shape shared by reprint, revoke and supersede: a signed-in caller, a JSON body
 * {"reason"} (the service validates the reason itself), and the document's serial. `act` turns
 * the service's answer into the response.
 */
export function reasonRoute(
  act: (args: { user: SessionUser; serial: string; reason: unknown; request: Request; t: Translator }) => Promise<Response>,
) {
  return withApiUser<{ serial: string }>(async (request, { user, t }, { serial }) => {
    const json = await readJsonBody(request, t);
    if (!json.ok) return json.response;
    const parsed = reasonBody.safeParse(json.value);
    if (!parsed.success) return validationError(parsed.error, t);
    return act({ user, serial, reason: parsed.data.reason, request, t });
  });
}
