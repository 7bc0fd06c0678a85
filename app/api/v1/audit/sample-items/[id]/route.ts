import { failureResponse, withApiUser } from "@/lib/http/route";
import { sampleItemOf } from "@/lib/supervision/reads";

/**
 * GET /api/v1/audit/sample-items/{id} — a sampled case for its blind re-review: the inputs only
 * until the review is recorded (`original` null), then the original decision beside it.
 */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const item = await sampleItemOf(user, id);
  return item.ok ? Response.json(item.value) : failureResponse(item.error, t);
});
