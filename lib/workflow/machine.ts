import { isRole, type Role } from "@/lib/auth/permissions";
import { workflows } from "./tables";
import type { Action, CaseStatus, CaseType, Transition } from "./types";

/** The row for (type, action, from), or undefined when the action does not start there. */
export function findTransition(type: CaseType, action: Action, from: CaseStatus): Transition | undefined {
  return workflows[type].find((t) => t.action === action && t.from.includes(from));
}

/** Does this action exist for this type at all (from any state)? */
export function hasAction(type: CaseType, action: string): action is Action {
  return workflows[type].some((t) => t.action === action);
}

export function roleMayPerform(t: Transition, role: string): boolean {
  return t.roles !== "system" && isRole(role) && (t.roles as readonly Role[]).includes(role);
}

/** The actions a role may start from a status (before data-dependent guards). */
export function actionsFor(type: CaseType, status: CaseStatus, role: string): Transition[] {
  return workflows[type].filter((t) => t.from.includes(status) && roleMayPerform(t, role));
}

/** Mermaid state diagram of a type, for the help page. */
export function stateDiagram(type: CaseType): string {
  const lines = ["stateDiagram-v2"];
  for (const t of workflows[type]) for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${t.action}`);
  return lines.join("\n");
}
