import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { apiError, validationError } from "@/lib/http/api";
import { queryObject, withApiUser } from "@/lib/http/route";
import { idNumberSchema } from "@/lib/cases/schemas";
import { findPeople, revealIdNumber } from "@/lib/people/queries";
import { maskIdNumber } from "@/lib/people/mask";

const query = z.object({ idNumber: idNumberSchema }).strict();

/** GET /api/v1/persons?idNumber=… — people known to the caller's office. */
export const GET = withApiUser(async (request, { user, t }) => {
  if (!can(user, "person:read")) return apiError("forbidden", t("errors.forbidden"));
  const parsed = query.safeParse(queryObject(request));
  if (!parsed.success) return validationError(parsed.error, t);
  const people = await findPeople(user, parsed.data.idNumber);
  const shown = await revealIdNumber(user, can(user, "person:read-full-id"), people.map((p) => p.idNumber), maskIdNumber);
  return Response.json({
    items: people.map((p) => ({
      id: p.id, name: p.name, idNumber: shown.get(p.idNumber), sex: p.sex, birthDate: p.birthDate.toISOString().slice(0, 10),
      hukouProvince: p.hukouProvince, office: p.office.code, relationshipStatus: p.relationshipStatus,
    })),
  });
});
