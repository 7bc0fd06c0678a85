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

/**
 * A type's states in the order the table first reaches them, and its edges: what the help page
 * draws (components/state-diagram.tsx) and the Mermaid text below, read from the same rows.
 */
export function diagramOf(type: CaseType): { states: CaseStatus[]; edges: Array<{ from: CaseStatus; to: CaseStatus; action: Action }> } {
  const states: CaseStatus[] = [];
  const add = (s: CaseStatus) => {
    if (!states.includes(s)) states.push(s);
  };
  for (const row of workflows[type]) {
    row.from.forEach(add);
    add(row.to);
  }
  const edges = workflows[type].flatMap((row) => row.from.map((from) => ({ from, to: row.to, action: row.action })));
  return { states, edges };
}

/** Mermaid state diagram of a type. */
export function stateDiagram(type: CaseType): string {
  return ["stateDiagram-v2", ...diagramOf(type).edges.map((e) => `  ${e.from} --> ${e.to}: ${e.action}`)].join("\n");
}
