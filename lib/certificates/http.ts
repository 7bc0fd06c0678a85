import { apiError } from "@/lib/http/api";
import type { Translator } from "@/lib/i18n/translate";
import type { Failure } from "./result";

/** A service failure as the REST API's error response, in the caller's language. */
export function failureResponse(failure: Failure, t: Translator): Response {
  const issues = failure.issues?.map((i) => ({ path: i.path, message: t(i.messageKey) }));
  return apiError(failure.code, t(failure.messageKey), issues);
}

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
