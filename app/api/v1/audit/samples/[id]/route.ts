import { failureResponse, withApiUser } from "@/lib/http/route";
import { sampleOf } from "@/lib/supervision/reads";

/** GET /api/v1/audit/samples/{id} — a sample and its items (no decision shown before review). */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const sample = await sampleOf(user, id);
  return sample.ok ? Response.json(sample.value) : failureResponse(sample.error, t);
});
