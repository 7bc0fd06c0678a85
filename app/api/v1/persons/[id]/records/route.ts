import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { apiError } from "@/lib/http/api";
import { withApiUser } from "@/lib/http/route";
import { personalAccountByYear } from "@/lib/people/account";
import { getPersonForOffice } from "@/lib/people/queries";

const payerTypes = { EMPLOYER: "employer", FLEXIBLE: "flexible", BANK_WITHHOLDING: "bank-withholding", INSTITUTION: "institution" } as const;

/** GET /api/v1/persons/{id}/records — contribution records and the personal account by year. */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  if (!can(user, "person:read")) return apiError("forbidden", t("errors.forbidden"));
  const person = await getPersonForOffice(user, id);
  if (!person) return apiError("not_found", t("errors.notFound"));
  const account = await personalAccountByYear(db, person.id);
  return Response.json({
    items: person.records.map((r) => ({
      id: r.id, from: r.fromMonth, to: r.toMonth, monthlyBase: r.monthlyBase.toFixed(2), payerType: payerTypes[r.payerType],
      rate: r.totalRate.toString(), accountRate: r.accountRate.toString(), office: r.office.code, status: r.status,
    })),
    account,
  });
});
