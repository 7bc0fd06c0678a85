import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { asResult, fail, type Actor, type Result } from "@/lib/service";
import { gatherCaseLog } from "./case-log/gather";
import { renderCaseLog } from "./case-log/render";
import { buildCaseLog } from "./case-log/view-model";
import { getDailyHeads, isCalendarDate, type DailyHeads } from "./daily-head";
import { verifyOfficeChains, type ChainReport } from "./verify-offices";

/** An auditor of an office, with the office's code (as the session carries it). */
export type OfficeActor = Actor & { officeCode: string };

/**
 * The auditor's reads of their own office's hash chains, for the audit page, the chain-head
 * sheet and GET /api/v1/audit/verify and /chain-head: each checks `audit:read` itself, so no
 * adapter needs to (decision 0011).
 */
export function checkOfficeChains(actor: OfficeActor): Promise<Result<ChainReport[]>> {
  return asResult(async () => {
    if (!can(actor, "audit:read")) fail("forbidden", "errors.forbidden");
    return verifyOfficeChains(db, { id: actor.officeId, code: actor.officeCode });
  });
}

/** The office's daily chain heads for a Beijing day, YYYY-MM-DD (else a 400 on `date`). */
export function officeDailyHeads(actor: OfficeActor, date: string): Promise<Result<DailyHeads>> {
  return asResult(async () => {
    if (!can(actor, "audit:read")) fail("forbidden", "errors.forbidden");
    if (!isCalendarDate(date)) fail("bad_request", "errors.badRequest", {}, [{ path: "date", key: "validation.date" }]);
    return getDailyHeads(db, actor.officeId, date);
  });
}

/** A case's audit log as a PDF (gather → view model → render), for `audit:read` of its office. */
export function caseLogPdf(actor: Actor, caseId: string): Promise<Result<{ pdf: Buffer; caseNumber: string }>> {
  return asResult(async () => {
    if (!can(actor, "audit:read")) fail("forbidden", "errors.forbidden");
    const input = await gatherCaseLog(actor, caseId);
    if (!input) fail("not_found", "errors.notFound");
    return { pdf: await renderCaseLog(buildCaseLog(input)), caseNumber: input.caseNumber };
  });
}
