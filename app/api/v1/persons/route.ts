import { failureResponse, queryObject, withApiUser } from "@/lib/http/route";
import { searchPeople } from "@/lib/people/search";

/** GET /api/v1/persons?idNumber=… — people known to the caller's office. */
export const GET = withApiUser(async (request, { user, t }) => {
  const people = await searchPeople(user, queryObject(request));
  if (!people.ok) return failureResponse(people.error, t);
  return Response.json({ items: people.value });
});
