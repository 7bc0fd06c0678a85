import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { asResult, fail, type Actor, type Result } from "@/lib/service";
import { personalAccountByYear } from "./account";
import { getPersonForOffice } from "./queries";

const payerTypes = { EMPLOYER: "employer", FLEXIBLE: "flexible", BANK_WITHHOLDING: "bank-withholding", INSTITUTION: "institution" } as const;

export interface PersonRecords {
  items: Array<{ id: string; from: string; to: string; monthlyBase: string; payerType: (typeof payerTypes)[keyof typeof payerTypes]; rate: string; accountRate: string; office: string; status: string }>;
  account: Awaited<ReturnType<typeof personalAccountByYear>>;
}

/**
 * A person's contribution records and personal account by year, as GET
 * /api/v1/persons/{id}/records answers them: `person:read`, and only a person the caller's office
 * may see (another office's is not found).
 */
export function personRecords(actor: Actor, personId: string): Promise<Result<PersonRecords>> {
  return asResult(async () => {
    if (!can(actor, "person:read")) fail("forbidden", "errors.forbidden");
    const person = await getPersonForOffice(actor, personId);
    if (!person) fail("not_found", "errors.notFound");
    const account = await personalAccountByYear(db, person.id);
    return {
      items: person.records.map((r) => ({
        id: r.id, from: r.fromMonth, to: r.toMonth, monthlyBase: r.monthlyBase.toFixed(2), payerType: payerTypes[r.payerType],
        rate: r.totalRate.toString(), accountRate: r.accountRate.toString(), office: r.office.code, status: r.status,
      })),
      account,
    };
  });
}
