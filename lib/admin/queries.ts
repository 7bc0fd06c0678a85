import { db } from "@/lib/db/client";
import { defaultSlaDays } from "@/lib/cases/clock";
import { localSlaTypes, type LocalSlaType } from "./schemas";
import { officeBankAccount } from "./bank-account";

export interface OfficeRow {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  province: string;
  inDeployment: boolean;
  version: number;
  address: string;
  postcode: string;
  phone: string;
  bankName: string;
  bankCode: string;
  accountName: string;
  accountNumber: string;
  /** Decimal string with two places: money never travels to the browser as a number. */
  approvalLimit: string;
  userCount: number;
  bankOnFile: boolean;
  /** The office's own LOCAL working-day limits; null: the default applies. */
  sla: Record<LocalSlaType, number | null>;
}

export async function listOffices(): Promise<OfficeRow[]> {
  const [offices, settings] = await Promise.all([
    db.office.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true, code: true, name: true, nameEn: true, province: true, inDeployment: true, version: true,
        address: true, postcode: true, phone: true, bankName: true, bankCode: true, accountName: true, accountNumber: true,
        approvalLimit: true, _count: { select: { users: true } },
      },
    }),
    db.setting.findMany({
      where: { officeId: { not: null }, key: { in: localSlaTypes.map((t) => `sla.${t}`) } },
      select: { officeId: true, key: true, value: true },
    }),
  ]);
  return offices.map(({ _count, approvalLimit, ...o }) => {
    const sla = Object.fromEntries(localSlaTypes.map((t) => [t, null])) as Record<LocalSlaType, number | null>;
    for (const s of settings)
      if (s.officeId === o.id && typeof s.value === "number") sla[s.key.slice(4) as LocalSlaType] = s.value;
    return { ...o, approvalLimit: approvalLimit.toFixed(2), userCount: _count.users, bankOnFile: officeBankAccount(o) !== null, sla };
  });
}

/**
 * The limit an office gets when it sets none: the deployment-wide setting (officeId null) if there
 * is one, else the built-in default of lib/cases/clock.ts — the same order `slaDays` reads.
 */
export async function defaultLocalSlaDays(): Promise<Record<LocalSlaType, number>> {
  const rows = await db.setting.findMany({
    where: { officeId: null, key: { in: localSlaTypes.map((t) => `sla.${t}`) } },
    select: { key: true, value: true },
  });
  const out = Object.fromEntries(localSlaTypes.map((t) => [t, defaultSlaDays[t]])) as Record<LocalSlaType, number>;
  for (const r of rows)
    if (typeof r.value === "number" && Number.isInteger(r.value) && r.value > 0) out[r.key.slice(4) as LocalSlaType] = r.value;
  return out;
}

/** The latest changes of office details, newest first (the append-only OfficeChange table). */
export function listOfficeChanges(limit = 20) {
  return db.officeChange.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true, at: true, actorName: true, version: true, before: true, after: true, reason: true,
      office: { select: { code: true, name: true, nameEn: true } },
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
