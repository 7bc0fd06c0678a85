/**
 * The one permission table. Pages, server actions, route handlers and the UI's buttons all ask
 * `can(user, permission)`; the permission-matrix test is generated from this table. An unknown
 * role or permission is denied (fail closed). Office and ownership checks come from the stored
 * rows (lib/db/scope.ts), separation of duties from the workflow (lib/workflow).
 */
export const roles = ["caseworker", "supervisor", "auditor", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissionTable = {
  "case:read": { roles: ["caseworker", "supervisor", "auditor"], description: "Read the office's cases and their history" },
  "case:create": { roles: ["caseworker", "supervisor"], description: "Take in a new application" },
  "case:work": { roles: ["caseworker", "supervisor"], description: "Record documents and move a case through its workflow" },
  "case:approve-above-limit": { roles: ["supervisor"], description: "Approve a case above the office's approval limit" },
  "case:reassign": { roles: ["supervisor"], description: "Reassign cases to another caseworker" },
  "person:read": { roles: ["caseworker", "supervisor", "auditor"], description: "Find people and read their contribution records" },
  "person:read-full-id": { roles: ["caseworker", "supervisor"], description: "See a full ID number (each view is logged)" },
  "certificate:read": { roles: ["caseworker", "supervisor", "auditor"], description: "List and download the office's certificates and letters" },
  "certificate:issue": { roles: ["caseworker", "supervisor"], description: "Issue, print and reprint certificates" },
  "certificate:revoke": { roles: ["supervisor"], description: "Revoke or supersede a certificate" },
  "audit:read": { roles: ["supervisor", "auditor"], description: "Read the audit log and run the chain check" },
  "audit:sample": { roles: ["supervisor", "auditor"], description: "Draw audit samples and record findings" },
  "dashboard:read": { roles: ["supervisor"], description: "See the supervision dashboards" },
  "admin:manage": { roles: ["admin"], description: "Manage users, offices, rate tables and the holiday calendar" },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

export interface Principal {
  id: string;
  role: string;
  officeId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export function can(user: Pick<Principal, "role"> | null | undefined, permission: Permission): boolean {
  if (!user || !isRole(user.role)) return false;
  // Own keys only: "constructor" or "__proto__" are not permissions (fail closed, never throw).
  if (typeof permission !== "string" || !Object.hasOwn(permissionTable, permission)) return false;
  const row = (permissionTable as Record<string, { roles: readonly Role[] }>)[permission];
  return row.roles.includes(user.role);
}

/** The navigation each role sees, derived from the permissions behind each section. */
export const navigation = [
  { key: "inbox", href: "/inbox", permission: "case:work" },
  { key: "cases", href: "/cases", permission: "case:read" },
  { key: "people", href: "/people", permission: "person:read" },
  { key: "certificates", href: "/certificates", permission: "certificate:read" },
  { key: "supervision", href: "/supervision", permission: "audit:read" },
  { key: "admin", href: "/admin", permission: "admin:manage" },
] as const satisfies ReadonlyArray<{ key: string; href: string; permission: Permission }>;

export function navigationFor(user: Pick<Principal, "role">) {
  return navigation.filter((item) => can(user, item.permission));
}
