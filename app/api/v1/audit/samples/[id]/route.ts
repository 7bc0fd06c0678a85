import { can } from "@/lib/auth/permissions";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";
import { getSample } from "@/lib/supervision/queries";

/** GET /api/v1/audit/samples/{id} — a sample and its items (no decision shown before review). */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  if (!can(user, "audit:sample")) return apiError("forbidden", t("errors.forbidden"));
  const sample = await getSample(user, id);
  return sample ? Response.json(sample) : apiError("not_found", t("errors.notFound"));
});
