import { describe, expect, test } from "vitest";
import { can, isRole, navigation, navigationFor, permissionTable, permissions, roles, type Permission } from "@/lib/auth/permissions";

const writePermissions = permissions.filter((p) => !/:read(-|$)/.test(p));

describe("the permission table", () => {
  test("every permission has at least one role and a description", () => {
    for (const p of permissions) {
      expect(permissionTable[p].roles.length, p).toBeGreaterThan(0);
      expect(permissionTable[p].description.length, p).toBeGreaterThan(0);
    }
  });

  test("every role has at least one permission", () => {
    for (const role of roles) expect(permissions.some((p) => can({ role }, p)), role).toBe(true);
  });

  test("an unknown, empty or missing role is denied everything", () => {
    for (const role of ["", "root", "Admin", "CASEWORKER", "caseworker ", "__proto__", "constructor", "toString"])
      for (const p of permissions) expect(can({ role }, p), `${role} ${p}`).toBe(false);
    for (const p of permissions) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
      expect(can({ role: undefined as unknown as string }, p)).toBe(false);
    }
  });

  test("an unknown permission is denied for every role", () => {
    for (const role of roles) {
      expect(can({ role }, "case:delete" as Permission)).toBe(false);
      expect(can({ role }, "" as Permission)).toBe(false);
    }
  });

  test("a name inherited from Object.prototype never grants", () => {
    // can() currently throws for these (the table is a plain object); what must hold is that
    // it never answers true.
    const granted = (role: string, p: string) => {
      try {
        return can({ role }, p as Permission);
      } catch {
        return false;
      }
    };
    for (const role of roles) for (const p of ["__proto__", "toString", "constructor", "hasOwnProperty"]) expect(granted(role, p), `${role} ${p}`).toBe(false);
  });

  test("an admin has no case, person or certificate permission (never acts on a case)", () => {
    const adminPermissions = permissions.filter((p) => can({ role: "admin" }, p));
    expect(adminPermissions).toEqual(["admin:manage"]);
    for (const p of permissions.filter((p) => /^(case|person|certificate):/.test(p))) expect(can({ role: "admin" }, p), p).toBe(false);
  });

  test("an auditor can read but never write", () => {
    for (const p of writePermissions.filter((p) => !p.startsWith("audit:sample"))) expect(can({ role: "auditor" }, p), p).toBe(false);
    for (const p of ["case:read", "person:read", "certificate:read", "audit:read"] as const) expect(can({ role: "auditor" }, p), p).toBe(true);
    // Auditors read masked ID numbers only and see no dashboards.
    expect(can({ role: "auditor" }, "person:read-full-id")).toBe(false);
    expect(can({ role: "auditor" }, "dashboard:read")).toBe(false);
  });

  test("a supervisor may do everything a caseworker may", () => {
    for (const p of permissions) if (can({ role: "caseworker" }, p)) expect(can({ role: "supervisor" }, p), p).toBe(true);
  });

  test("only supervisors approve above the limit, reassign and revoke", () => {
    for (const p of ["case:approve-above-limit", "case:reassign", "certificate:revoke"] as const)
      expect(roles.filter((role) => can({ role }, p))).toEqual(["supervisor"]);
  });

  test("only the admin manages", () => {
    expect(roles.filter((role) => can({ role }, "admin:manage"))).toEqual(["admin"]);
  });

  test("isRole knows exactly the four roles", () => {
    expect(roles.filter(isRole)).toEqual(["caseworker", "supervisor", "auditor", "admin"]);
    expect([null, undefined, 1, {}, "root", "Admin"].some(isRole)).toBe(false);
  });
});

describe("navigation", () => {
  test("each role's navigation", () => {
    const keys = (role: string) => navigationFor({ role }).map((item) => item.key);
    expect(keys("caseworker")).toEqual(["inbox", "cases", "people", "certificates"]);
    expect(keys("supervisor")).toEqual(["inbox", "cases", "people", "certificates", "supervision"]);
    expect(keys("auditor")).toEqual(["cases", "people", "certificates", "supervision"]);
    expect(keys("admin")).toEqual(["admin"]);
    expect(keys("unknown")).toEqual([]);
  });

  test("every section's permission exists in the table and keys and links are unique", () => {
    for (const item of navigation) expect(permissions).toContain(item.permission);
    expect(new Set(navigation.map((i) => i.key)).size).toBe(navigation.length);
    expect(new Set(navigation.map((i) => i.href)).size).toBe(navigation.length);
  });
});
