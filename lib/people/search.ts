import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { idNumberSchema } from "@/lib/cases/schemas";
import { asResult, fail, zodFailure, type Actor, type Result } from "@/lib/service";
import { maskIdNumber } from "./mask";
import { findPeople, revealIdNumber } from "./queries";

const query = z.object({ idNumber: idNumberSchema }).strict();

export interface PersonHit {
  id: string;
  name: string;
  /** Masked unless the caller may read full ID numbers (then the view is logged). */
  idNumber: string | undefined;
  sex: string;
  birthDate: string;
  hukouProvince: string | null;
  office: string;
  relationshipStatus: string;
}

/**
 * GET /api/v1/persons?idNumber=…: people known to the caller's office by full ID number.
 * `person:read` first, then the query (a 400 naming the field), then the search.
 */
export function searchPeople(actor: Actor, input: unknown): Promise<Result<PersonHit[]>> {
  return asResult(async () => {
    if (!can(actor, "person:read")) fail("forbidden", "errors.forbidden");
    const parsed = query.safeParse(input);
    if (!parsed.success) throw zodFailure(parsed.error);
    const people = await findPeople(actor, parsed.data.idNumber);
    const shown = await revealIdNumber(actor, can(actor, "person:read-full-id"), people.map((p) => p.idNumber), maskIdNumber);
    return people.map((p) => ({
      id: p.id, name: p.name, idNumber: shown.get(p.idNumber), sex: p.sex, birthDate: p.birthDate.toISOString().slice(0, 10),
      hukouProvince: p.hukouProvince, office: p.office.code, relationshipStatus: p.relationshipStatus,
    }));
  });
}
