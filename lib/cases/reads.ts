import { can } from "@/lib/auth/permissions";
import { printCertificate } from "@/lib/certificates/certificates";
import { revealIdNumber } from "@/lib/people/queries";
import { maskIdNumber } from "@/lib/people/mask";
import { asResult, fail, zodFailure, type Actor, type Result } from "@/lib/service";
import { findCaseLetter } from "./case-letters";
import { getCaseDetail, type CaseDetail } from "./case-detail";
import { listCases, listFiltersSchema } from "./queries";

/**
 * The case reads of the REST API as services (decision 0011): `case:read` first, then the input,
 * then the office-scoped query (another office's case is not found). The queries themselves
 * (queries.ts, case-detail.ts, case-letters.ts) check no permission.
 */
export function casesOf(actor: Actor, input: unknown): Promise<Result<Awaited<ReturnType<typeof listCases>>>> {
  return asResult(async () => {
    if (!can(actor, "case:read")) fail("forbidden", "errors.forbidden");
    const filters = listFiltersSchema.safeParse(input);
    if (!filters.success) throw zodFailure(filters.error);
    return listCases(actor, filters.data);
  });
}

/** A case with everything its page shows; a full ID number shown is a logged view. */
export function caseOf(actor: Actor, id: string): Promise<Result<CaseDetail>> {
  return asResult(async () => {
    if (!can(actor, "case:read")) fail("forbidden", "errors.forbidden");
    const fullIdNumber = can(actor, "person:read-full-id");
    const detail = await getCaseDetail(actor, id, { fullIdNumber });
    if (!detail) fail("not_found", "errors.notFound");
    if (fullIdNumber) await revealIdNumber(actor, true, [detail.person.idNumber], maskIdNumber);
    return detail;
  });
}

/** A letter of the case once issued, as its PDF (every download a logged print). */
export function caseLetterPdf(actor: Actor, caseId: string, file: string): Promise<Result<{ pdf: Buffer; serial: string }>> {
  return asResult(async () => {
    if (!can(actor, "case:read")) fail("forbidden", "errors.forbidden");
    const serial = await findCaseLetter(actor, caseId, file);
    if (!serial) fail("not_found", "errors.notFound");
    const printed = await printCertificate(actor, serial);
    if (!printed.ok) throw printed.error;
    return printed.value;
  });
}
