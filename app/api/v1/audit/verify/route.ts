import { checkOfficeChains } from "@/lib/audit/office-audit";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** GET /api/v1/audit/verify — recompute the caller's office's case and certificate chains now. */
export const GET = withApiUser(async (_request, { user, t }) => {
  const chains = await checkOfficeChains(user);
  if (!chains.ok) return failureResponse(chains.error, t);
  return Response.json({ office: user.officeCode, ok: chains.value.every((c) => c.ok), checkedAt: new Date().toISOString(), chains: chains.value });
});
