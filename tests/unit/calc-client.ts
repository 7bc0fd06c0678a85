import { POST } from "@/app/api/v1/calc/[kind]/route";

/** Calls the calculation route handler the way Next.js does, without a server. */
export async function callCalc(
  kind: string,
  body: unknown,
  init: { raw?: string; lang?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const request = new Request(`http://localhost/api/v1/calc/${encodeURIComponent(kind)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": init.lang ?? "en" },
    body: init.raw ?? JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ kind }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
