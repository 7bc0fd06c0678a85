import { can } from "@/lib/auth/permissions";
import { actionsFor, guardsForbid } from "@/lib/workflow";
import type { Actor } from "@/lib/service/actor";
import type { CaseDetail } from "./case-detail";
import { caseFactsOfDetail } from "./facts";

/**
 * The buttons to show: the workflow table's actions for this role and status, minus those its
 * guards forbid this user on the case's facts (four eyes, limit, assignee) — the same functions
 * the service evaluates. Only a courtesy: transitionCase checks everything again on the server.
 */
export function availableActions(user: Actor, c: CaseDetail) {
  if (!can(user, "case:work") || c.aboutViewer) return [];
  const facts = caseFactsOfDetail(c);
  return actionsFor(c.type, c.status, user.role)
    .filter((t) => !guardsForbid(t, facts, user))
    .map((t) => ({ action: t.action, to: t.to, reason: t.reason, data: t.data }));
}
