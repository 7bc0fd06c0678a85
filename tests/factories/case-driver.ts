/**
 * Drives cases through the case service to any status their workflow can reach, along the
 * shortest path of lib/workflow/tables.ts, with a crew per office that keeps four-eyes: the
 * intake caseworker takes in, submits and completes, the reviewer claims, recommends, returns and
 * rejects, the supervisor approves. A test then acts with somebody outside that crew.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/service";
import { createCase, recordDocument, transitionCase } from "@/lib/cases";
import { parseCaseData } from "@/lib/cases/case-data";
import { db } from "@/lib/db/client";
import { workflows, type Action, type CaseStatus, type CaseType, type Transition } from "@/lib/workflow";
import type { TestOffice } from "./offices";
import { clonePerson, type ClonedPerson } from "./people";

export interface Step {
  action: Action;
  from: CaseStatus;
  to: CaseStatus;
  row: Transition;
}

export const startStatus = (type: CaseType): CaseStatus => (type === "TRANSFER_OUT" ? "SUBMITTED" : "DRAFT");

/** The shortest sequence of table rows from one status to another (rows in table order). */
export function pathBetween(type: CaseType, from: CaseStatus, to: CaseStatus): Step[] | null {
  const previous = new Map<CaseStatus, Step | null>([[from, null]]);
  const queue: CaseStatus[] = [from];
  while (queue.length) {
    const status = queue.shift()!;
    if (status === to) break;
    for (const row of workflows[type]) {
      if (!row.from.includes(status) || previous.has(row.to)) continue;
      previous.set(row.to, { action: row.action, from: status, to: row.to, row });
      queue.push(row.to);
    }
  }
  if (!previous.has(to)) return null;
  const steps: Step[] = [];
  for (let s = to; previous.get(s); s = previous.get(s)!.from) steps.unshift(previous.get(s)!);
  return steps;
}

/** Every status a case of this type can reach from where it starts. */
export function reachableStatuses(type: CaseType): CaseStatus[] {
  const seen = new Set<CaseStatus>([startStatus(type)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of workflows[type])
      if (row.from.some((f) => seen.has(f)) && !seen.has(row.to)) {
        seen.add(row.to);
        grew = true;
      }
  }
  return [...seen];
}

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; key: string; params: unknown } };

export async function unwrap<T>(p: Promise<Result<T>> | Result<T>, what = "call"): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: expected ok, got ${r.error.code} ${r.error.key} ${JSON.stringify(r.error.params)}`);
  return r.value;
}

export async function currentVersion(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

/** A transition with the version as stored now (what a user who just loaded the page sends). */
export async function perform(actor: Actor, caseId: string, action: string, extra: Record<string, unknown> = {}) {
  return unwrap(transitionCase(actor, caseId, { action, version: await currentVersion(caseId), ...extra }), `${action} by ${actor.name}`);
}

export async function receiveAllDocuments(actor: Actor, caseId: string): Promise<void> {
  const missing = await db.caseDocument.findMany({ where: { caseId, required: true, receivedAt: null }, select: { kind: true } });
  for (const { kind } of missing) await unwrap(recordDocument(actor, caseId, { kind }), `document ${kind}`);
}

/** What a row needs besides the version: a reason, a payment / funds reference, the received amount. */
export async function requiredExtra(row: Transition, caseId: string): Promise<Record<string, unknown>> {
  const extra: Record<string, unknown> = {};
  if (row.reason === "required") extra.reason = `测试理由 ${row.action}`;
  const data: Record<string, string> = {};
  for (const field of row.data ?? []) {
    if (field === "receivedAmount") {
      const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { linkedCaseId: true } });
      const out = c.linkedCaseId
        ? await db.case.findUnique({ where: { id: c.linkedCaseId }, select: { id: true, type: true, intake: true, calculation: true } })
        : null;
      const outData = out ? parseCaseData(out) : null;
      data.receivedAmount = (outData?.type === "TRANSFER_OUT" ? outData.calculation?.fields.f6 : undefined) ?? "0.00";
    } else data[field] = `${field === "fundsReference" ? "FUND" : "PAY"}-${randomUUID().slice(0, 8)}`;
  }
  if (Object.keys(data).length) extra.data = data;
  return extra;
}

export interface Crew {
  intake: Actor;
  reviewer: Actor;
  approver: Actor;
}

export const defaultCrew = (office: TestOffice): Crew => ({
  intake: office.user("caseworker1"),
  reviewer: office.user("caseworker2"),
  approver: office.user("supervisor1"),
});

/**
 * A desk of two offices: `home` takes in surrenders, refunds and transfers in; `partner` is the
 * original office of the transfers (its TRANSFER_OUT cases are opened by home's approvals).
 */
export class CaseDriver {
  constructor(
    readonly home: TestOffice,
    readonly partner: TestOffice,
  ) {}

  crewOf(officeId: string): Crew {
    if (officeId === this.home.id) return defaultCrew(this.home);
    if (officeId === this.partner.id) return defaultCrew(this.partner);
    throw new Error(`no crew for office ${officeId}`);
  }

  officeOf(type: CaseType): TestOffice {
    return type === "TRANSFER_OUT" ? this.partner : this.home;
  }

  /** A new person the type's case will be eligible for (P1, P4 or P3's records). */
  newPerson(type: CaseType): Promise<ClonedPerson> {
    switch (type) {
      case "SURRENDER":
        return clonePerson("P1", { offices: { "440300": this.home.code } });
      case "DUPLICATE_REFUND":
        return clonePerson("P4", { offices: { "440300": this.home.code } });
      case "TRANSFER_IN":
      case "TRANSFER_OUT":
        return clonePerson("P3", { offices: { "440300": this.partner.code, "430100": this.home.code } });
    }
  }

  intake(type: Exclude<CaseType, "TRANSFER_OUT">, idNumber: string): Record<string, unknown> {
    switch (type) {
      case "SURRENDER":
        return { type, idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" };
      case "DUPLICATE_REFUND":
        return { type, idNumber };
      case "TRANSFER_IN":
        return { type, idNumber, fromOffice: this.partner.code, transferMonth: "2024-08" };
    }
  }

  /** A new case at its start status (a TRANSFER_OUT is opened by approving a TRANSFER_IN). */
  async create(type: CaseType, options: { intake?: Record<string, unknown>; creator?: Actor } = {}): Promise<string> {
    if (type === "TRANSFER_OUT") {
      const tin = await this.caseAt("TRANSFER_IN", "AWAITING_FUNDS");
      return (await db.case.findUniqueOrThrow({ where: { id: tin }, select: { linkedCaseId: true } })).linkedCaseId!;
    }
    const intake = options.intake ?? this.intake(type, (await this.newPerson(type)).idNumber);
    const created = await unwrap(createCase(options.creator ?? defaultCrew(this.home).intake, intake), `create ${type}`);
    return created.id;
  }

  /** Moves a case from where it is to `target` along the shortest path of its table. */
  async drive(caseId: string, target: CaseStatus, options: { claimant?: Actor } = {}): Promise<void> {
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { type: true, status: true, officeId: true } });
    const type = c.type as CaseType;
    const path = pathBetween(type, c.status as CaseStatus, target);
    if (!path) throw new Error(`${type} cannot go from ${c.status} to ${target}`);
    const crew = this.crewOf(c.officeId);
    for (const step of path) {
      if (step.row.roles === "system") {
        await this.systemStep(caseId, step);
        continue;
      }
      const actor = this.actorFor(step.action, crew, options);
      if (step.action === "submit") await receiveAllDocuments(crew.intake, caseId);
      await perform(actor, caseId, step.action, await requiredExtra(step.row, caseId));
    }
    const after = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
    if (after.status !== target) throw new Error(`drove ${type} to ${after.status}, wanted ${target}`);
  }

  async caseAt(type: CaseType, status: CaseStatus, options: { claimant?: Actor; intake?: Record<string, unknown>; creator?: Actor } = {}) {
    const id = await this.create(type, options);
    await this.drive(id, status, options);
    return id;
  }

  private actorFor(action: Action, crew: Crew, options: { claimant?: Actor }): Actor {
    switch (action) {
      case "claim":
      case "recommend":
        return options.claimant ?? crew.reviewer;
      case "return":
      case "reject":
        return crew.reviewer;
      case "approve":
        return crew.approver;
      default:
        return crew.intake;
    }
  }

  /** A TRANSFER_IN moves on only through its linked TRANSFER_OUT: completed (funds) or rejected. */
  private async systemStep(caseId: string, step: Step): Promise<void> {
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { linkedCaseId: true } });
    if (!c.linkedCaseId) throw new Error(`system step ${step.action} needs a linked case`);
    if (step.action === "receiveFunds") return this.drive(c.linkedCaseId, "COMPLETED");
    if (step.action === "reject") return this.drive(c.linkedCaseId, "REJECTED");
    throw new Error(`no way to cause system step ${step.action}`);
  }
}

/**
 * Everything a refused call could have written: the case row, its documents and events, and the
 * whole database's events, chain heads, payments, refunded months, cases and access logs.
 */
export async function snapshot(caseId: string) {
  const [c, documents, events, heads, counts] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.caseDocument.findMany({ where: { caseId }, orderBy: { kind: "asc" } }),
    db.caseEvent.count({ where: { caseId } }),
    db.chainHead.findMany({ orderBy: [{ officeId: "asc" }, { chain: "asc" }] }),
    Promise.all([db.caseEvent.count(), db.payment.count(), db.refundedMonth.count(), db.case.count(), db.contributionRecord.count()]),
  ]);
  return { case: c, documents, events, heads, counts };
}
