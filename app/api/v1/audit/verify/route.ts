import { can } from "@/lib/auth/permissions";
import { verifyOfficeChains } from "@/lib/audit/verify-offices";
import { db } from "@/lib/db/client";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";

/** GET /api/v1/audit/verify — recompute the caller's office's case and certificate chains now. */
export const GET = withApiUser(async (_request, { user, t }) => {
  if (!can(user, "audit:read")) return apiError("forbidden", t("errors.forbidden"));
  const chains = await verifyOfficeChains(db, { id: user.officeId, code: user.officeCode });
  return Response.json({ office: user.officeCode, ok: chains.every((c) => c.ok), checkedAt: new Date().toISOString(), chains });
});
