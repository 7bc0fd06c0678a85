import { db } from "@/lib/db/client";
import type { OfficeScoped } from "@/lib/db/scope";
import { getTranslator } from "@/lib/i18n/translate";
import { maskIdNumber } from "@/lib/people/mask";
import { verifyChain } from "../chain";
import type { CaseLogInput } from "./view-model";
import { isUuid } from "@/lib/db/ids";

const zh = getTranslator("zh-CN");
const en = getTranslator("en");

/**
 * Gathers what the case audit log prints: a case of the user's office (another office's case is
 * not found), its events in chain order, and the check of the office's case chain right now.
 */
export async function gatherCaseLog(user: OfficeScoped & { name: string }, caseId: string, now = new Date()): Promise<CaseLogInput | null> {
  if (!isUuid(caseId)) return null;
  const c = await db.case.findFirst({
    where: { id: caseId, officeId: user.officeId },
    select: {
      caseNumber: true, type: true, status: true, officeId: true,
      office: { select: { code: true, name: true, nameEn: true } },
      person: { select: { name: true, idNumber: true } },
      events: {
        orderBy: { seq: "asc" },
        select: { seq: true, at: true, actorName: true, action: true, fromStatus: true, toStatus: true, reason: true, hash: true },
      },
    },
  });
  if (!c) return null;
  const check = await verifyChain(db, c.officeId, "case");
  return {
    office: c.office,
    caseNumber: c.caseNumber,
    type: { zh: zh(`case.types.${c.type}`), en: en(`case.types.${c.type}`) },
    status: { zh: zh(`case.statuses.${c.status}`), en: en(`case.statuses.${c.status}`) },
    person: { name: c.person.name, maskedIdNumber: maskIdNumber(c.person.idNumber) },
    printedAt: now,
    printedBy: user.name,
    chain: check.ok
      ? { ok: true, events: check.events, headHash: check.headHash }
      : { ok: false, events: check.events, brokenAtSeq: check.brokenAtSeq, problem: check.problem },
    events: c.events.map((e) => ({
      seq: e.seq, at: e.at, actor: e.actorName, action: e.action, from: e.fromStatus, to: e.toStatus, reason: e.reason, hash: e.hash,
    })),
  };
}
