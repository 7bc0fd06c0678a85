import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { type Actor, asResult, fail, Failure, type Result } from "@/lib/service";
import { runInTransaction } from "@/lib/cases/transition-case";
import { zodFailure } from "@/lib/cases/validation";
import { slaDaysOf, slaSettingKey } from "@/lib/cases/clock";
import { bankFields, localSlaTypes, updateOfficeSchema, type LocalSlaType, type UpdateOfficeInput } from "./schemas";
import { isUuid } from "@/lib/db/ids";

/** What an office change records: the fields that changed, before and after, as plain JSON. */
export type OfficeSnapshot = Record<string, string | number | null>;

const detailFields = ["address", "postcode", "phone", ...bankFields] as const;
type DetailField = (typeof detailFields)[number];

/** The office's own working-day limits (null: it uses the default). */
export async function officeSlaSettings(tx: Tx, officeId: string): Promise<Record<LocalSlaType, number | null>> {
  const rows = await tx.setting.findMany({
    where: { officeId, key: { in: localSlaTypes.map(slaSettingKey) } },
    select: { key: true, value: true },
  });
  const out = Object.fromEntries(localSlaTypes.map((t) => [t, null])) as Record<LocalSlaType, number | null>;
  for (const r of rows) out[r.key.slice(4) as LocalSlaType] = slaDaysOf(r.value);
  return out;
}

/**
 * An administrator changes an office's contact details, receiving bank account, approval limit or
 * LOCAL working-day limits (decision 0009). One transaction: the permission, compare-and-set on
 * the office's version (a stale form is refused), the settings, and one append-only OfficeChange
 * row with only the fields that changed, before and after. Nothing changed → nothing written.
 *
 * `admin:manage` is deployment-wide (it also covers the national rate tables and calendar), so the
 * office is any office of the deployment, loaded from the database by id.
 */
export async function updateOffice(
  actor: Actor,
  officeId: string,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; version: number; changed: string[] }>> {
  // Fail closed before reading anything: a refused caller learns nothing about the input or office.
  if (!can(actor, "admin:manage")) return { ok: false, error: new Failure("forbidden", "errors.forbidden") };
  const parsed = updateOfficeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const change = parsed.data;
  // The id comes from the browser as decoded JSON whatever its type says: a string, or not found.
  if (!isUuid(officeId)) return { ok: false, error: new Failure("not_found", "errors.notFound") };
  return asResult(() => runInTransaction((tx) => applyOfficeChange(tx, actor, officeId, change, now)));
}

async function applyOfficeChange(tx: Tx, actor: Actor, officeId: string, change: UpdateOfficeInput, now: Date) {
  const office = await tx.office.findUnique({
    where: { id: officeId },
    select: {
      id: true, version: true, approvalLimit: true,
      address: true, postcode: true, phone: true, bankName: true, bankCode: true, accountName: true, accountNumber: true,
    },
  });
  if (!office) fail("not_found", "errors.notFound");
  if (office.version !== change.version) fail("conflict", "admin.errors.stale");

  const before: OfficeSnapshot = {};
  const after: OfficeSnapshot = {};
  const data: Prisma.OfficeUpdateManyMutationInput = {};
  for (const field of detailFields) {
    const value = change[field];
    if (value === undefined || value === office[field]) continue;
    before[field] = office[field];
    after[field] = value;
    data[field] = value;
  }
  assertBankComplete({ ...pick(office, detailFields), ...pick(change, detailFields) });
  if (change.approvalLimit !== undefined) {
    const limit = new Prisma.Decimal(change.approvalLimit);
    if (!limit.equals(office.approvalLimit)) {
      before.approvalLimit = office.approvalLimit.toFixed(2);
      after.approvalLimit = limit.toFixed(2);
      data.approvalLimit = limit;
    }
  }
  const sla = await officeSlaSettings(tx, officeId);
  const slaChanges: Array<[LocalSlaType, number | null]> = [];
  for (const type of localSlaTypes) {
    const value = change.sla?.[type];
    if (value === undefined || value === sla[type]) continue;
    before[slaSettingKey(type)] = sla[type];
    after[slaSettingKey(type)] = value;
    slaChanges.push([type, value]);
  }
  if (Object.keys(after).length === 0) return { id: officeId, version: office.version, changed: [] };

  // Compare-and-set: of two forms showing the same version, the second finds 0 rows.
  const updated = await tx.office.updateMany({ where: { id: officeId, version: change.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) fail("conflict", "admin.errors.stale");
  for (const [type, value] of slaChanges) {
    if (value === null) await tx.setting.deleteMany({ where: { officeId, key: slaSettingKey(type) } });
    else
      await tx.setting.upsert({
        where: { officeId_key: { officeId, key: slaSettingKey(type) } },
        create: { officeId, key: slaSettingKey(type), value },
        update: { value },
      });
  }
  const version = change.version + 1;
  await tx.officeChange.create({
    data: { officeId, actorId: actor.id, actorName: actor.name, at: now, version, before, after, reason: change.reason ?? null },
    select: { id: true },
  });
  return { id: officeId, version, changed: Object.keys(after) };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The contact letter needs the whole account: the four bank fields are set together or not at all. */
function assertBankComplete(merged: Partial<Record<DetailField, string>>) {
  const missing = bankFields.filter((f) => !merged[f]);
  if (missing.length > 0 && missing.length < bankFields.length)
    fail("bad_request", "errors.badRequest", {}, missing.map((path) => ({ path, key: "admin.errors.bankIncomplete" })));
}
