/**
 * Audit sampling and blind re-review on real PostgreSQL (issue 6): a sample draws exactly the
 * office's decided cases that match its filters; the reviewer sees the inputs but not the
 * decision until recording their own; findings never edit the decided case, and a correction is
 * a new case superseding it.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { verifyChain } from "@/lib/audit/chain";
import type { Actor } from "@/lib/service";
import { db } from "@/lib/db/client";
import { drawSample, pickRandom, sampleSize } from "@/lib/supervision/draw-sample";
import { recordFinding } from "@/lib/supervision/record-finding";
import { recordReview, reviewAgrees } from "@/lib/supervision/review";
import { getSampleItem } from "@/lib/supervision/sample-item";
import { replayLegOne } from "@/lib/supervision/sla";
import { getDashboard } from "@/lib/supervision/dashboard";
import { makeCalendar } from "@/lib/domain/calendar";
import { CaseDriver, unwrap } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";

let office: TestOffice;
let other: TestOffice;
let driver: CaseDriver;
const c: Record<string, string[]> = { surrenderByCw2: [], surrenderByCw3: [], rejected: [], refund: [], open: [], withdrawn: [], otherOffice: [] };
let auditor: Actor;
let auditor2: Actor;
let supervisor: Actor;

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const itemsOf = async (sampleId: string) =>
  (await db.auditSampleItem.findMany({ where: { sampleId }, select: { caseId: true } })).map((i) => i.caseId).sort();
const sorted = (...lists: string[][]) => lists.flat().sort();

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "抽查", staff: { caseworker: 3, supervisor: 1, auditor: 2 } });
  const partner = await createTestOffice({ label: "抽查转出", province: "广东" });
  other = await createTestOffice({ label: "抽查他处" });
  driver = new CaseDriver(office, partner);
  [auditor, auditor2, supervisor] = [office.user("auditor1"), office.user("auditor2"), office.user("supervisor1")];
  const cw3 = office.user("caseworker3");
  for (let i = 0; i < 2; i++) c.surrenderByCw2.push(await driver.caseAt("SURRENDER", "COMPLETED"));
  for (let i = 0; i < 2; i++) c.surrenderByCw3.push(await driver.caseAt("SURRENDER", "COMPLETED", { claimant: cw3 }));
  for (let i = 0; i < 3; i++) c.rejected.push(await driver.caseAt("DUPLICATE_REFUND", "REJECTED"));
  c.refund.push(await driver.caseAt("DUPLICATE_REFUND", "COMPLETED"));
  c.open.push(await driver.caseAt("SURRENDER", "IN_REVIEW"));
  c.withdrawn.push(await driver.caseAt("DUPLICATE_REFUND", "WITHDRAWN"));
  c.otherOffice.push(await new CaseDriver(other, partner).caseAt("SURRENDER", "COMPLETED"));
});

describe("drawing a sample", () => {
  const decided = () => sorted(c.surrenderByCw2, c.surrenderByCw3, c.rejected, c.refund);

  test("100% with no filter: every decided case of the office — not open, withdrawn or another office's", async () => {
    const s = await unwrap(drawSample(supervisor, { percentage: 100 }));
    expect(s).toMatchObject({ population: 8, size: 8 });
    expect(await itemsOf(s.id)).toEqual(decided());
  });

  test.each([
    ["type SURRENDER", { type: "SURRENDER" }, () => sorted(c.surrenderByCw2, c.surrenderByCw3)],
    ["amount at least 5000 (surrenders pay 39778.18, the refund 3000.00)", { minAmount: "5000" }, () => sorted(c.surrenderByCw2, c.surrenderByCw3)],
    ["amount at least 3000.00", { minAmount: "3000.00" }, () => sorted(c.surrenderByCw2, c.surrenderByCw3, c.refund)],
    ["caseworker3 (recommended)", { caseworker: "caseworker3" }, () => sorted(c.surrenderByCw3)],
    ["caseworker2 (recommended or rejected)", { caseworker: "caseworker2" }, () => sorted(c.surrenderByCw2, c.rejected, c.refund)],
    ["supervisor1 (approved)", { caseworker: "supervisor1" }, () => sorted(c.surrenderByCw2, c.surrenderByCw3, c.refund)],
    ["DUPLICATE_REFUND decided today", { type: "DUPLICATE_REFUND", today: true }, () => sorted(c.rejected, c.refund)],
  ])("drawn at 100%%: %s", async (_label, f: { type?: string; minAmount?: string; caseworker?: string; today?: boolean }, expected) => {
    const s = await unwrap(
      drawSample(auditor, {
        percentage: "100", type: f.type, minAmount: f.minAmount,
        caseworkerId: f.caseworker ? office.user(f.caseworker).id : undefined,
        ...(f.today ? { from: today(), to: today() } : {}),
      }),
    );
    expect(await itemsOf(s.id)).toEqual(expected());
    expect(s.population).toBe(expected().length);
  });

  test("10% of 8 draws one case at random from the matching ones, and marks it with a `sample` event", async () => {
    const before = await db.caseEvent.count({ where: { officeId: office.id, action: "sample" } });
    const s = await unwrap(drawSample(supervisor, { percentage: 10, note: "月度抽查" }));
    expect(s).toMatchObject({ population: 8, size: 1 });
    const [caseId] = await itemsOf(s.id);
    expect(decided()).toContain(caseId);
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId, action: "sample", data: { path: ["sampleId"], equals: s.id } } });
    expect(event.fromStatus).toBe(event.toStatus);
    expect(await db.caseEvent.count({ where: { officeId: office.id, action: "sample" } })).toBe(before + 1);
    expect(await verifyChain(db, office.id, "case")).toMatchObject({ ok: true });
  });

  test("refusals: nothing matches (422), a period in the future, bad input (400), a caseworker of another office, a caseworker (403)", async () => {
    const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 2 * 86_400_000));
    expect(await drawSample(auditor, { percentage: 10, from: tomorrow })).toMatchObject({ ok: false, error: { code: "unprocessable", key: "supervision.errors.emptyPopulation" } });
    expect(await drawSample(auditor, { percentage: 0 })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await drawSample(auditor, { percentage: 10, from: "2026-02-30" })).toMatchObject({ ok: false, error: { code: "bad_request", issues: [{ path: "from", key: "validation.date" }] } });
    expect(await drawSample(auditor, { percentage: 10, from: "2026-02-01", to: "2026-01-01" })).toMatchObject({ ok: false, error: { code: "bad_request", issues: [{ path: "to", key: "supervision.errors.dateOrder" }] } });
    expect(await drawSample(auditor, { percentage: 10, caseworkerId: other.user("caseworker1").id })).toMatchObject({ ok: false, error: { issues: [{ path: "caseworkerId" }] } });
    expect(await drawSample(office.user("caseworker1"), { percentage: 10 })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  test("sample size and the random pick", () => {
    expect([sampleSize(0, 10), sampleSize(8, 10), sampleSize(10, 10), sampleSize(11, 10), sampleSize(200, 12.5), sampleSize(3, 100)]).toEqual([0, 1, 1, 2, 25, 3]);
    const picked = pickRandom([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(pickRandom([1, 2, 3], 3, () => 0)).toEqual([1, 2, 3]);
  });
});

describe("blind re-review", () => {
  let itemId: string;
  const original = () => c.surrenderByCw2[0];

  beforeAll(async () => {
    const s = await unwrap(drawSample(supervisor, { percentage: 100, type: "SURRENDER", caseworkerId: office.user("caseworker2").id }));
    itemId = (await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: s.id, caseId: original() }, select: { id: true } })).id;
  });

  test("before the review: the inputs, but no status, amount, calculation, payment or history", async () => {
    const view = await getSampleItem(auditor, itemId);
    expect(view).toMatchObject({ reviewed: false, review: null, original: null, case: { id: original(), type: "SURRENDER" } });
    expect(view!.case.records.length).toBeGreaterThan(0);
    expect(view!.case.checklist.length).toBeGreaterThan(0);
    expect(view!.case.intake).toMatchObject({ ground: "emigration-nationality-lost", terminationMonth: "2024-06" });
    expect(view!.case.person.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const json = JSON.stringify(view);
    for (const hidden of ["39778.18", "COMPLETED", "PAY-", "approve", "recommend", "calculation"]) expect(json).not.toContain(hidden);
    // Another office's item is simply not there.
    expect(await getSampleItem(other.user("auditor1"), itemId)).toBeNull();
  });

  test("who may review: not a caseworker, not whoever worked on the case", async () => {
    expect(await recordReview(office.user("caseworker1"), itemId, { decision: "REJECT", note: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    // supervisor1 approved it.
    expect(await recordReview(supervisor, itemId, { decision: "REJECT", note: "x" })).toMatchObject({ ok: false, error: { code: "forbidden", key: "supervision.errors.involved" } });
    expect(await recordReview(auditor, itemId, { decision: "GRANT", note: "无金额" })).toMatchObject({ ok: false, error: { code: "bad_request", issues: [{ path: "amount" }] } });
  });

  test("the review is recorded once; then both are shown side by side, and the history records it", async () => {
    const done = await unwrap(recordReview(auditor, itemId, { decision: "GRANT", amount: "39778.18", note: "材料齐全，金额复算一致" }));
    expect(done).toEqual({ id: itemId, agrees: true });
    const view = await getSampleItem(auditor, itemId);
    expect(view).toMatchObject({
      reviewed: true,
      reviewer: { id: auditor.id },
      review: { decision: "GRANT", amount: "39778.18", agrees: true },
      original: { status: "COMPLETED", amount: "39778.18", recommendedBy: office.user("caseworker2").name, approvedBy: supervisor.name },
    });
    expect(view!.original!.events.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "approve", "complete", "sample", "review"]));
    expect(await recordReview(auditor2, itemId, { decision: "REJECT", note: "再来一次" })).toMatchObject({ ok: false, error: { code: "conflict", key: "supervision.errors.alreadyReviewed" } });
  });

  test("agreement: the decision and the amount", () => {
    expect(reviewAgrees({ decision: "GRANT", amount: "100.00" }, { status: "COMPLETED", amount: "100.00" })).toBe(true);
    expect(reviewAgrees({ decision: "GRANT", amount: "100" }, { status: "COMPLETED", amount: "100.00" })).toBe(true);
    expect(reviewAgrees({ decision: "GRANT", amount: "99.99" }, { status: "COMPLETED", amount: "100.00" })).toBe(false);
    expect(reviewAgrees({ decision: "REJECT" }, { status: "COMPLETED", amount: "100.00" })).toBe(false);
    expect(reviewAgrees({ decision: "REJECT" }, { status: "REJECTED", amount: null })).toBe(true);
    expect(reviewAgrees({ decision: "GRANT", amount: "1.00" }, { status: "REJECTED", amount: null })).toBe(false);
  });

  test("an item assigned to a reviewer is theirs; a disagreeing review is recorded as such", async () => {
    const s = await unwrap(drawSample(supervisor, { percentage: 100, type: "DUPLICATE_REFUND", minAmount: "1", reviewerId: auditor2.id }));
    const item = await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: s.id }, select: { id: true, reviewerId: true } });
    expect(item.reviewerId).toBe(auditor2.id);
    expect(await recordReview(auditor, item.id, { decision: "REJECT", note: "x" })).toMatchObject({ ok: false, error: { key: "supervision.errors.notReviewer" } });
    expect(await unwrap(recordReview(auditor2, item.id, { decision: "GRANT", amount: "2000.00", note: "只应退两个月" }))).toMatchObject({ agrees: false });
  });

  test("findings: after the review only; an auditor records, a supervisor may open a correction case; the original never changes", async () => {
    const fresh = await unwrap(drawSample(supervisor, { percentage: 100, caseworkerId: office.user("caseworker3").id }));
    const unreviewed = await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: fresh.id }, select: { id: true } });
    expect(await recordFinding(auditor, unreviewed.id, { severity: "MINOR", text: "x" })).toMatchObject({ ok: false, error: { code: "conflict", key: "supervision.errors.notReviewed" } });

    const before = await db.case.findUniqueOrThrow({ where: { id: original() } });
    expect(await recordFinding(auditor, itemId, { severity: "MAJOR", text: "x", openCorrection: true })).toMatchObject({ ok: false, error: { code: "forbidden", key: "supervision.errors.correctionForbidden" } });
    const note = await unwrap(recordFinding(auditor, itemId, { severity: "INFO", text: "受理材料扫描件不清晰" }));
    expect(note.correctionCase).toBeNull();

    const finding = await unwrap(recordFinding(supervisor, itemId, { severity: "MAJOR", text: "计息月份有误，需更正", openCorrection: true }));
    const correction = await db.case.findUniqueOrThrow({ where: { id: finding.correctionCase!.id } });
    expect(correction).toMatchObject({ type: "SURRENDER", status: "DRAFT", supersedesId: original(), personId: before.personId, officeId: office.id, createdById: supervisor.id });
    expect(correction.intake).toEqual(before.intake);
    expect(await db.caseDocument.count({ where: { caseId: correction.id } })).toBeGreaterThan(0);
    expect(await db.caseEvent.findFirst({ where: { caseId: correction.id, action: "create" }, select: { data: true } })).toMatchObject({ data: { supersedesId: original(), findingId: finding.id } });
    expect(await db.auditFinding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({ correctionCaseId: correction.id, caseId: original() });

    // The decided case: same row, two `finding` events more in its history, chain intact.
    expect(await db.case.findUniqueOrThrow({ where: { id: original() } })).toEqual(before);
    const findings = await db.caseEvent.findMany({ where: { caseId: original(), action: "finding" }, orderBy: { seq: "asc" }, select: { reason: true, fromStatus: true, toStatus: true } });
    expect(findings).toEqual([
      { reason: "受理材料扫描件不清晰", fromStatus: "COMPLETED", toStatus: "COMPLETED" },
      { reason: "计息月份有误，需更正", fromStatus: "COMPLETED", toStatus: "COMPLETED" },
    ]);
    // A second correction while the first is open: refused.
    expect(await recordFinding(supervisor, itemId, { severity: "MAJOR", text: "再开一件", openCorrection: true })).toMatchObject({ ok: false, error: { code: "conflict", key: "cases.errors.alreadyOpen" } });
    // Findings are append-only in the database too.
    await expect(db.$executeRaw`UPDATE "AuditFinding" SET "text" = 'x' WHERE "id" = ${finding.id}::uuid`).rejects.toThrow(/append-only/);
    expect(await verifyChain(db, office.id, "case")).toMatchObject({ ok: true });
  });
});

describe("dashboard", () => {
  test("office-scoped aggregates: open cases, weekly completions, amounts paid as decimal strings, SLA, workload", async () => {
    const d = await getDashboard({ officeId: office.id });
    expect(d.open.reduce((n, r) => n + r.count, 0)).toBe(await db.case.count({ where: { officeId: office.id, status: { notIn: ["COMPLETED", "REJECTED", "WITHDRAWN"] } } }));
    expect(d.throughput).toHaveLength(12);
    expect(d.throughput.at(-1)!.completed).toBe(5);
    expect(d.paid).toHaveLength(36);
    const thisMonth = d.paid.filter((r) => r.month === today().slice(0, 7));
    expect(Object.fromEntries(thisMonth.map((r) => [r.kind, r.amount]))).toEqual({
      SURRENDER_PAYOUT: "159112.72", DUPLICATE_REFUND: "3000.00", TRANSFER_FUNDS_SENT: "0.00",
    });
    expect(d.sla).toEqual(expect.arrayContaining([{ type: "SURRENDER", leg: 1, total: 4, within: 4 }, { type: "DUPLICATE_REFUND", leg: 1, total: 1, within: 1 }]));
    const reviewer = d.workload.find((w) => w.userId === office.user("caseworker2").id);
    expect(reviewer).toMatchObject({ open: 1, overdue: 0 });
  });

  test("leg 1 of a transfer-in replays the clock: submit, return (pause), resubmit, approve", () => {
    const cal = makeCalendar([], []);
    const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
    // Mon 2026-03-02 + 15 working days = Mon 2026-03-23.
    expect(replayLegOne([{ action: "submit", at: at("2026-03-02") }, { action: "approve", at: at("2026-03-23") }], cal, 15)).toBe(true);
    expect(replayLegOne([{ action: "submit", at: at("2026-03-02") }, { action: "approve", at: at("2026-03-24") }], cal, 15)).toBe(false);
    // Returned on 03-09 with 10 working days left, resubmitted 03-30: due 10 working days later, 04-13.
    const paused = [{ action: "submit", at: at("2026-03-02") }, { action: "return", at: at("2026-03-09") }, { action: "resubmit", at: at("2026-03-30") }];
    expect(replayLegOne([...paused, { action: "approve", at: at("2026-04-13") }], cal, 15)).toBe(true);
    expect(replayLegOne([...paused, { action: "approve", at: at("2026-04-14") }], cal, 15)).toBe(false);
    expect(replayLegOne([{ action: "approve", at: at("2026-04-14") }], cal, 15)).toBeNull();
  });
});
