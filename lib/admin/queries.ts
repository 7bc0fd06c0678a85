import { db } from "@/lib/db/client";

export function listOffices() {
  return db.office.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true, code: true, name: true, nameEn: true, province: true, approvalLimit: true,
      _count: { select: { users: true } },
    },
  });
}

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ office: { code: "asc" } }, { username: "asc" }],
    select: {
      id: true, username: true, name: true, role: true, active: true, lockedUntil: true,
      office: { select: { code: true, name: true, nameEn: true } },
    },
  });
}
