import { can } from "@/lib/auth/permissions";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";
import { getSampleItem } from "@/lib/supervision/sample-item";

/**
 * GET /api/v1/audit/sample-items/{id} — a sampled case for its blind re-review: the inputs only
 * until the review is recorded (`original` null), then the original decision beside it.
 */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  if (!can(user, "audit:sample")) return apiError("forbidden", t("errors.forbidden"));
  const item = await getSampleItem(user, id);
  return item ? Response.json(item) : apiError("not_found", t("errors.notFound"));
});
