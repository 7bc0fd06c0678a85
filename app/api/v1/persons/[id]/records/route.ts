import { failureResponse, withApiUser } from "@/lib/http/route";
import { personRecords } from "@/lib/people/records";

/** GET /api/v1/persons/{id}/records — contribution records and the personal account by year. */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const records = await personRecords(user, id);
  if (!records.ok) return failureResponse(records.error, t);
  return Response.json(records.value);
});
