import { openApiDocument } from "@/lib/http/openapi";
import { withApi } from "@/lib/http/route";

/** GET /api/v1/openapi.json — the description of REST API v1 (public, like the API docs). */
export const GET = withApi(async () => Response.json(openApiDocument, { headers: { "cache-control": "public, max-age=300" } }));
