import { can } from "@/lib/auth/permissions";
import { Money } from "@/lib/domain/money";
import { actionsFor } from "@/lib/workflow";
import type { Actor } from "@/lib/service";
import type { CaseDetail } from "./case-detail";

/**
 * The buttons to show: the workflow table's actions for this role and status, minus those the
 * data already rules out (four-eyes, limit, assignee). Only a courtesy: transitionCase checks
 * everything again on the server.
 */
export function availableActions(user: Actor, c: CaseDetail) {
  if (!can(user, "case:work") || c.aboutViewer) return [];
  const involved = c.events.filter((e) => ["create", "submit", "resubmit", "recommend"].includes(e.action)).map((e) => e.actorId);
  return actionsFor(c.type, c.status, user.role)
    .filter((t) => {
      if (t.action === "approve") {
        if (involved.includes(user.id)) return false;
        if (c.amount && new Money(c.amount).gt(c.office.approvalLimit) && user.role !== "supervisor") return false;
      }
      if (t.guards.includes("assignedToActor") && c.assignee?.id !== user.id) return false;
      return true;
    })
    .map((t) => ({ action: t.action, to: t.to, reason: t.reason, data: t.data }));
}
