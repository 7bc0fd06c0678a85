import { openApiDocument } from "@/lib/http/openapi";

/** GET /api/v1/openapi.json — the description of REST API v1 (public, like the API docs). */
export function GET() {
  return Response.json(openApiDocument, { headers: { "cache-control": "public, max-age=300" } });
}
