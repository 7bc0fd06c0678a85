/**
 * `npm run bench` (BENCH_CASES=100000 by default): a fresh database, migrated with the real
 * `prisma migrate deploy`, the demo seed plus BENCH_CASES generated cases (tests/bench/seed.ts),
 * then five measurements, each against a baseline taken in the same process on the same data:
 *
 *   transitions   transitionCase(claim) on SUBMITTED cases, sequential and 4 at a time
 *                 vs the same work in hand-written SQL over pg (BEGIN; SELECT; UPDATE … WHERE id
 *                 AND version; lock and move the chain head; INSERT the hashed event; COMMIT)
 *   list / inbox  p95 of listCases (page 1, a status filter, a deep keyset page) and getInbox
 *                 for a caseworker vs the raw keyset SQL (and the inbox's queue SQL) over pg
 *   certificate   pdfkit (renderDocument) per document vs Chromium printing the same view model
 *                 from HTML (page.setContent + page.pdf, same font, warm browser)
 *   calc          POST /api/v1/calc/surrender (the route handler) vs the rule itself
 *                 (calculateSurrender on input parsed once): what HTTP, JSON and validation cost
 *   batch         issuing 1,000 certificates (issueDocument, 100 a transaction) vs copying the rows
 *                 by SQL; then their batch job (runBatchJob: load, render, store, log) vs rendering
 *                 the same number of pages alone (this timing was a test until issue 14)
 *
 * Prints `RATIO <name> <value> <goal>` lines, a table, and writes docs/benchmarks.md. Not a test:
 * it measures this machine. The database is dropped at the end (BENCH_KEEP_DB=1 keeps it);
 * BENCH_ONLY=transitions,lists,pdf,calc,batch,cluster (or internals) runs a subset without writing the report.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase, ensurePostgres } from "@/tests/tools/postgres";
import { bin, run } from "@/lib/cli/run";
import { seedBulk, type Seeded } from "./seed";
import { documentHtml } from "./html";

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
/** BENCH_ONLY=transitions,lists,pdf,calc,batch runs a subset (and leaves docs/benchmarks.md alone). */
const ONLY = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const wanted = (name: string) => !ONLY || ONLY.includes(name);
const CONCURRENCY = 4;

interface Ratio {
  name: string;
  value: number;
  goal: string;
  met: boolean;
  what: string;
}
const ratios: Ratio[] = [];
const rows: Array<[string, string, string]> = [];

function ratio(name: string, value: number, goal: string, what: string) {
  const [, op, target] = /^(>=|<=|<|>)(.+)$/.exec(goal)!;
  const t = Number(target);
  const met = op === ">=" ? value >= t : op === "<=" ? value <= t : op === "<" ? value < t : value > t;
  ratios.push({ name, value, goal, met, what });
  console.log(`RATIO ${name} ${round(value)} ${goal}`);
}
const round = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const log = (message: string) => console.log(`[bench] ${message}`);

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Each sample of `a` taken right beside one of `b`, so that both see the same moment's load. */
async function timePairs(n: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  const [as, bs] = [[] as number[], [] as number[]];
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await a();
    as.push(performance.now() - t);
    t = performance.now();
    await b();
    bs.push(performance.now() - t);
  }
  return [as, bs];
}

/** Runs `work` over `items` with `concurrency` workers; answers the milliseconds it took. */
async function elapsed<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
  return performance.now() - t;
}

/**
 * Operations per second of a measured path and its baseline, run in alternating rounds so that
 * a shared machine's changing load falls on both alike.
 */
async function paired<T>(a: T[], b: T[], concurrency: number, workA: (item: T) => Promise<void>, workB: (item: T) => Promise<void>, rounds = 5) {
  let [ta, tb] = [0, 0];
  for (let r = 0; r < rounds; r++) {
    const slice = (xs: T[]) => xs.slice(Math.floor((r * xs.length) / rounds), Math.floor(((r + 1) * xs.length) / rounds));
    ta += await elapsed(slice(a), concurrency, workA);
    tb += await elapsed(slice(b), concurrency, workB);
  }
  return { a: a.length / (ta / 1000), b: b.length / (tb / 1000) };
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.NEXTAUTH_SECRET ??= "bench-only-secret";
  process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
    crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  ).toString("base64");
  const server = await ensurePostgres();
  const url = await createDatabase(server, "jingban_bench");
  log(`database ${new URL(url).pathname.slice(1)}, ${CASES} cases`);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    process.env.DATABASE_URL = url;
    const { seedDemo } = await import("@/prisma/seed/demo");
    await seedDemo({ generatedPerOffice: 0 });
    const seeded = await seedBulk(url, CASES);
    log(`seeded ${seeded.cases} cases, ${seeded.people} people, ${seeded.events} events in ${seeded.seconds.toFixed(1)} s`);

    if (wanted("transitions")) await benchTransitions(pool);
    if (wanted("lists")) await benchLists(pool);
    const vm = wanted("pdf") || wanted("batch") ? await benchPdf() : null;
    if (wanted("calc")) await benchCalc();
    if (wanted("batch")) await benchBatch(vm!, pool);
    if (wanted("cluster")) await benchClusterPart();
    // Not in the default run: BENCH_ONLY=internals (decision 0013).
    if (ONLY?.includes("internals")) await benchPdfInternals();
    await report(seeded, pool);
  } finally {
    await pool.end();
    const { disconnectDb } = await import("@/lib/db/client");
    const { stopBatchQueue } = await import("@/lib/certificates/batch-queue");
    await stopBatchQueue().catch(() => undefined);
    await disconnectDb();
    if (!process.env.BENCH_KEEP_DB) await dropDatabase(url);
  }
}

/**
 * Document `i` of a run: another person's — a name of its own, other digits, serial and QR text —
 * so that neither pdfkit's shared font work nor Chromium's caches see the same page twice.
 */
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞云建国志文斌宇浩然梓涵欣怡子轩雨泽思远";
function documentVariant<T extends import("@/lib/pdf/types").DocumentViewModel>(vm: T, i: number): T {
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13 + 5) % GIVEN.length]}`;
  const digits = (text: string) => text.replace(/\d/g, (d) => String((Number(d) + i) % 10));
  const walk = (value: unknown, key = ""): unknown => {
    if (typeof value === "string") {
      const renamed = vm.subject ? value.split(vm.subject.name).join(name) : value;
      return ["value", "rows", "totals", "figures", "serial", "verificationCode"].includes(key) ? digits(renamed) : renamed;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const copy = walk(vm) as T;
  if (copy.trust && vm.trust) copy.trust = { ...copy.trust, qrText: `${vm.trust.qrText}&n=${i}` };
  return copy;
}

// ---- 6. the cluster: two servers on primary + standby against one on the primary ------------

/**
 * deploy/bench-cluster.ts on a cluster of its own (its own PostgreSQL pair, HAProxy, built app):
 * skipped with a line saying why when HAProxy or a build is missing.
 */
async function benchClusterPart() {
  const haproxy = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).stdout.trim();
  if (!haproxy || !fs.existsSync(path.join(process.cwd(), ".next/BUILD_ID"))) {
    log("cluster: skipped (needs haproxy on PATH and a build: npm run build)");
    return;
  }
  const { benchCluster } = await import("@/deploy/bench-cluster");
  const r = await benchCluster((line) => log(`cluster: ${line}`));
  ratio("cluster_list_p95", r.listP95Cluster / r.listP95Solo, "<=1.2", "case list p95, 20 staff: 2 servers on primary + standby through HAProxy / 1 server on the primary");
  ratio("cluster_inbox_p95", r.inboxP95Cluster / r.inboxP95Solo, "<=1.2", "inbox page p95, 20 staff: 2 servers on primary + standby / 1 server on the primary");
  ratio("cluster_primary_read_share", r.primaryReadShare, "<=0.5", "the primary's share of read statements with the standby (pg_stat_statements; 1 server alone: " + r.primaryReadShareSolo.toFixed(2) + ")");
  rows.push(["case list p95 (20 staff)", ms(r.listP95Cluster), ms(r.listP95Solo)]);
  rows.push(["inbox page p95 (20 staff)", ms(r.inboxP95Cluster), ms(r.inboxP95Solo)]);
}

// ---- 1. transitions ---------------------------------------------------------------------------

async function benchTransitions(pool: pg.Pool) {
  const { db } = await import("@/lib/db/client");
  const { transitionCase } = await import("@/lib/cases");
  const { caseEventContent, chainHash } = await import("@/lib/audit/chain");
  const actor = await db.user.findUniqueOrThrow({ where: { username: "caseworker1" }, select: { id: true, name: true, role: true, officeId: true, idNumber: true } });
  const submitted = await db.case.findMany({
    where: { officeId: actor.officeId, status: "SUBMITTED", assigneeId: null },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  // Four disjoint sets of cases (plus warm-up), each claimed once.
  const per = Math.max(10, Math.min(400, Math.floor(submitted.length / 5)));
  const sets = Array.from({ length: 5 }, (_, i) => submitted.slice(i * per, (i + 1) * per));
  const [warm, serviceSeq, rawSeq, serviceConc, rawConc] = sets;

  const viaService = async (c: { id: string; version: number }) => {
    const r = await transitionCase(actor, c.id, { action: "claim", version: c.version });
    if (!r.ok) throw new Error(`claim ${c.id}: ${r.error.key}`);
  };
  const viaSql = async (c: { id: string; version: number }) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const found = await client.query<{ status: string; version: number; officeId: string; type: string }>(
        `SELECT status, version, "officeId", type FROM "Case" WHERE id = $1 AND "officeId" = $2`, [c.id, actor.officeId]);
      const row = found.rows[0];
      if (!row || row.status !== "SUBMITTED" || row.version !== c.version) throw new Error(`raw claim ${c.id}: state`);
      const at = new Date();
      const updated = await client.query(
        `UPDATE "Case" SET status = 'IN_REVIEW', "assigneeId" = $3, version = version + 1, "updatedAt" = $4
         WHERE id = $1 AND version = $2 AND status = 'SUBMITTED'`, [c.id, c.version, actor.id, at]);
      if (updated.rowCount !== 1) throw new Error(`raw claim ${c.id}: conflict`);
      const head = await client.query<{ seq: number; hash: string }>(
        `SELECT seq, hash FROM "ChainHead" WHERE "officeId" = $1 AND chain = 'case' FOR UPDATE`, [row.officeId]);
      const seq = head.rows[0].seq + 1;
      const content = caseEventContent({
        caseId: c.id, action: "claim", actorId: actor.id, actorName: actor.name, fromStatus: "SUBMITTED", toStatus: "IN_REVIEW",
        reason: null, data: { version: c.version + 1 }, at,
      });
      const hash = chainHash({ chain: "case", officeId: row.officeId, seq, prevHash: head.rows[0].hash, content });
      await client.query(`UPDATE "ChainHead" SET seq = $2, hash = $3 WHERE "officeId" = $1 AND chain = 'case'`, [row.officeId, seq, hash]);
      await client.query(
        `INSERT INTO "CaseEvent" (id, "officeId", "caseId", seq, "actorId", "actorName", action, "fromStatus", "toStatus", data, at, "prevHash", hash)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'claim', 'SUBMITTED', 'IN_REVIEW', $6, $7, $8, $9)`,
        [row.officeId, c.id, seq, actor.id, actor.name, JSON.stringify({ version: c.version + 1 }), at, head.rows[0].hash, hash]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };

  for (const [i, c] of warm.entries()) await (i % 2 ? viaService : viaSql)(c);
  const { a: sSeq, b: rSeq } = await paired(serviceSeq, rawSeq, 1, viaService, viaSql);
  const { a: sConc, b: rConc } = await paired(serviceConc, rawConc, CONCURRENCY, viaService, viaSql);
  rows.push(
    ["transition (claim), sequential", `${sSeq.toFixed(0)} /s service`, `${rSeq.toFixed(0)} /s raw SQL`],
    [`transition (claim), ${CONCURRENCY} at a time`, `${sConc.toFixed(0)} /s service`, `${rConc.toFixed(0)} /s raw SQL`],
  );
  ratio("transition_vs_raw_sql", sSeq / rSeq, ">=0.5", `claims per second, case service ÷ hand-written SQL (sequential, ${per} cases each)`);
  ratio("transition_concurrent_vs_raw_sql", sConc / rConc, ">=0.5", `the same with ${CONCURRENCY} concurrent callers`);
}

// ---- 2. list and inbox ------------------------------------------------------------------------

async function benchLists(pool: pg.Pool) {
  const { db } = await import("@/lib/db/client");
  const { listCases, getInbox } = await import("@/lib/cases");
  const { INBOX_COUNT_CAP } = await import("@/lib/cases/queries");
  const { loadOfficeCalendar, shanghaiDate } = await import("@/lib/cases/clock");
  const { addWorkingDays } = await import("@/lib/domain/calendar");
  const user = await db.user.findUniqueOrThrow({ where: { username: "caseworker1" }, select: { id: true, role: true, officeId: true } });
  const N = 60;

  // A cursor 2,000 cases deep (the keyset format of lib/cases/queries.ts: base64url "iso|id").
  const deep = (await pool.query<{ createdAt: Date; id: string }>(
    `SELECT "createdAt", id FROM "Case" WHERE "officeId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET 2000 LIMIT 1`, [user.officeId])).rows[0];
  const cursor = deep ? Buffer.from(`${deep.createdAt.toISOString()}|${deep.id}`).toString("base64url") : undefined;

  const listSql = (extra: string, params: unknown[]) =>
    pool.query(
      `SELECT c.id, c."caseNumber", c.type, c.status, c.version, c."dueDate", c.amount, c."createdAt", c."updatedAt", c."assigneeId",
              p.id AS "personId", p.name, p."idNumber", u.name AS "assigneeName"
       FROM "Case" c JOIN "InsuredPerson" p ON p.id = c."personId" LEFT JOIN "User" u ON u.id = c."assigneeId"
       WHERE c."officeId" = $1 ${extra}
       ORDER BY c."createdAt" DESC, c.id DESC LIMIT 51`, [user.officeId, ...params]);

  const variants: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
    ["list page 1", () => listCases(user, {}), () => listSql("", [])],
    ["list status=SUBMITTED", () => listCases(user, { status: "SUBMITTED" }), () => listSql(`AND c.status = 'SUBMITTED'`, [])],
    [
      "list 2,000 deep (keyset)",
      () => listCases(user, { cursor }),
      () => listSql(`AND (c."createdAt" < $2 OR (c."createdAt" = $2 AND c.id < $3))`, [deep?.createdAt, deep?.id]),
    ],
  ];
  let worstList = 0;
  for (const [name, service, raw] of variants) {
    const [ss, rs] = await timePairs(N, service, raw);
    const s = percentile(ss, 95);
    const r = percentile(rs, 95);
    rows.push([`${name} (p95)`, ms(s), ms(r)]);
    worstList = Math.max(worstList, s / r);
  }
  ratio("list_p95_vs_raw", worstList, "<=2", "p95 of listCases ÷ p95 of the raw keyset SQL, worst of page 1 / status filter / 2,000 deep");

  // The inbox: five queues, each a count and a first page (the same conditions in SQL).
  const open = `('DRAFT','SUBMITTED','IN_REVIEW','PENDING_APPROVAL','APPROVED','AWAITING_FUNDS','FUNDS_RECEIVED','RETURNED')`;
  // The office calendar is read once, outside the timing: getInbox keeps it for a minute too
  // (lib/cases/clock.ts), so both sides measure the queue SQL.
  const calendar = await loadOfficeCalendar(db, user.officeId);
  const rawInbox = async () => {
    const today = shanghaiDate(new Date());
    const soon = addWorkingDays(today, 3, calendar);
    const queues: Array<[string, unknown[]]> = [
      [`c.status IN ${open} AND c."assigneeId" = $2`, [user.id]],
      [`c.status = 'SUBMITTED' AND c."assigneeId" IS NULL`, []],
      [`c.status = 'PENDING_APPROVAL' AND c."createdById" <> $2 AND c."submittedById" IS DISTINCT FROM $2 AND c."recommendedById" IS DISTINCT FROM $2
        AND NOT EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e."actorId" = $2 AND e.action IN ('create','submit','resubmit','recommend'))
        AND (c.amount IS NULL OR c.amount <= (SELECT o."approvalLimit" FROM "Office" o WHERE o.id = c."officeId"))`, [user.id]],
      [`c.status IN ${open} AND c."dueDate" < $2`, [today]],
      [`c.status IN ${open} AND c."dueDate" >= $2 AND c."dueDate" <= $3`, [today, soon]],
    ];
    for (const [where, params] of queues)
      await Promise.all([
        pool.query(`SELECT count(*) FROM (SELECT 1 FROM "Case" c WHERE c."officeId" = $1 AND ${where} LIMIT ${INBOX_COUNT_CAP + 1}) q`, [user.officeId, ...params]),
        pool.query(
          `SELECT c.id, c."caseNumber", c.type, c.status, c.version, c."dueDate", c.amount, c."createdAt", c."updatedAt", c."assigneeId",
                  p.id AS "personId", p.name, p."idNumber", u.name AS "assigneeName"
           FROM "Case" c JOIN "InsuredPerson" p ON p.id = c."personId" LEFT JOIN "User" u ON u.id = c."assigneeId"
           WHERE c."officeId" = $1 AND ${where}
           ORDER BY c."dueDate" ASC NULLS LAST, c."createdAt" DESC, c.id DESC LIMIT 25`, [user.officeId, ...params]),
      ]);
  };
  const [is, ir] = await timePairs(N, () => getInbox(user), rawInbox);
  const s = percentile(is, 95);
  const r = percentile(ir, 95);
  rows.push(["inbox, 5 queues (p95)", ms(s), ms(r)]);
  ratio("inbox_p95_vs_raw", s / r, "<=2", "p95 of getInbox (5 queues: count up to 1,000 + first page) ÷ p95 of the same queue SQL by hand");
}

// ---- 3. certificate PDF -----------------------------------------------------------------------

async function benchPdf() {
  const { db } = await import("@/lib/db/client");
  const { issueCertificate } = await import("@/lib/certificates/certificates");
  const { renderDocument } = await import("@/lib/pdf/render-document");
  const { qrPng } = await import("@/lib/pdf/qr");
  const { cjkFontBuffer } = await import("@/lib/pdf/fonts");
  const issuer = await db.user.findUniqueOrThrow({ where: { username: "caseworker1" }, select: { id: true, name: true, role: true, officeId: true, idNumber: true } });
  const p1 = await db.insuredPerson.findUniqueOrThrow({ where: { idNumber: "440305199003071236" }, select: { id: true } });
  const issued = await issueCertificate(issuer, { personId: p1.id }, { baseUrl: "https://jingban.example" });
  if (!issued.ok) throw new Error(`issue: ${issued.error.key}`);
  const cert = await db.certificate.findUniqueOrThrow({ where: { serial: issued.value.serial }, select: { content: true } });
  const vm = cert.content as unknown as import("@/lib/pdf/types").DocumentViewModel;

  const variant = (i: number) => documentVariant(vm, i);

  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--headless"] });
  let chromeBytes = 0;
  let pdfkitBytes = 0;
  const [kit, chrome]: [number[], number[]] = [[], []];
  try {
    const page = await browser.newPage();
    const font = cjkFontBuffer();
    // The font is served once and cached, as a deployed print service would keep it.
    await page.route("https://bench.local/**", (route) =>
      route.fulfill({ status: 200, contentType: "font/ttf", headers: { "cache-control": "public, max-age=86400" }, body: font }));
    const viaChromium = async (i: number) => {
      const v = variant(i);
      const qr = v.trust ? `data:image/png;base64,${(await qrPng(v.trust.qrText)).toString("base64")}` : null;
      await page.setContent(documentHtml(v, qr, "https://bench.local/NotoSansSC.ttf"), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      chromeBytes = (await page.pdf({ format: "A4", printBackground: true })).length;
    };
    const viaPdfkit = async (i: number) => {
      pdfkitBytes = (await renderDocument(variant(i))).length;
    };
    const timed = async (into: number[], work: () => Promise<void>) => {
      const t = performance.now();
      await work();
      into.push(performance.now() - t);
    };
    for (let i = 0; i < 3; i++) await Promise.all([viaChromium(1000 + i), viaPdfkit(2000 + i)]);
    // Interleaved, a Chromium page then four pdfkit documents, so that both see the same load.
    for (let round = 0; round < 12; round++) {
      await timed(chrome, () => viaChromium(round));
      for (let k = 0; k < 4; k++) await timed(kit, () => viaPdfkit(round * 4 + k));
    }
  } finally {
    await browser.close();
  }
  const kitMean = kit.reduce((a, b) => a + b, 0) / kit.length;
  const chromeMean = chrome.reduce((a, b) => a + b, 0) / chrome.length;
  rows.push([
    "certificate PDF, per document (mean)",
    `${ms(kitMean)} pdfkit (${(pdfkitBytes / 1024).toFixed(0)} KB)`,
    `${ms(chromeMean)} Chromium (${(chromeBytes / 1024).toFixed(0)} KB)`,
  ]);
  ratio("pdf_speedup_vs_chromium", chromeMean / kitMean, ">=10", "Chromium ms per certificate ÷ pdfkit ms per certificate (warm browser, same content and font)");
  return vm;
}

// ---- 4. calc ----------------------------------------------------------------------------------

async function benchCalc() {
  const { POST } = await import("@/app/api/v1/calc/[kind]/route");
  const { calcSchemas } = await import("@/lib/domain/calc");
  const { calculateSurrender } = await import("@/lib/domain/surrender");
  const { toHistory } = await import("@/lib/domain/calc/primitives");
  const input = {
    ground: "emigration-nationality-lost",
    history: [
      { from: "2019-01", to: "2019-12", monthlyBase: "6000" }, { from: "2020-01", to: "2020-12", monthlyBase: "6300" },
      { from: "2021-01", to: "2021-12", monthlyBase: "6600" }, { from: "2022-01", to: "2022-12", monthlyBase: "7000" },
      { from: "2023-01", to: "2023-12", monthlyBase: "7200" }, { from: "2024-01", to: "2024-05", monthlyBase: "7500" },
    ],
    accountRate: "0.08",
    rates: { "2019": "0.0761", "2020": "0.0604", "2021": "0.0669", "2022": "0.0612", "2023": "0.0397", "2024": "0.0262" },
    terminationMonth: "2024-06",
  };
  const body = JSON.stringify(input);
  const params = { params: Promise.resolve({ kind: "surrender" }) };
  const N = 1500;
  const viaRoute = async () => {
    const response = await POST(new Request("http://localhost/api/v1/calc/surrender", { method: "POST", headers: { "content-type": "application/json" }, body }), params);
    if (response.status !== 200) throw new Error(`calc ${response.status}`);
    await response.text();
  };
  const parsed = calcSchemas.surrenderInput.parse(input);
  const viaRule = async () => {
    calculateSurrender({ ...parsed, history: toHistory(parsed.history), rates: parsed.rates ?? new Map() });
  };
  for (let i = 0; i < 50; i++) {
    await viaRoute();
    await viaRule();
  }
  const items = Array.from({ length: N }, (_, i) => i);
  const { a: route, b: rule } = await paired(items, items, 1, viaRoute, viaRule, 10);
  rows.push(["calc surrender", `${route.toFixed(0)} /s route (HTTP + JSON + zod + rule)`, `${rule.toFixed(0)} /s rule alone`]);
  // The goal: validation is not optional (CALC_API: a 400 naming the field) and parsing decimal
  // strings costs about what the rule does; with the Web Request/Response objects the whole edge
  // may cost up to three times the bare rule, i.e. the route keeps at least a quarter of its rate.
  ratio("calc_route_vs_rule", route / rule, ">=0.25", "POST /api/v1/calc/surrender per second ÷ calculateSurrender per second on input parsed once");
}

// ---- 5. a batch of 1,000 certificates ---------------------------------------------------------

async function benchBatch(vm: import("@/lib/pdf/types").DocumentViewModel, pool: pg.Pool) {
  const { db } = await import("@/lib/db/client");
  const { transaction } = await import("@/lib/db/sql");
  const { createBatch, runBatchJob } = await import("@/lib/certificates/batch");
  const { gatherCertificate } = await import("@/lib/certificates/gather");
  const { issueDocument } = await import("@/lib/certificates/issue-document");
  const { renderBatch } = await import("@/lib/pdf/render-document");
  const issuer = await db.user.findUniqueOrThrow({ where: { username: "caseworker1" }, select: { id: true, name: true, role: true, officeId: true, idNumber: true } });
  const person = await db.insuredPerson.findUniqueOrThrow({ where: { idNumber: "440305199003071236" }, select: { id: true } });
  const existing = await db.certificate.count({ where: { officeId: issuer.officeId } });
  const missing = 1000 - existing;
  // The baseline of issuing: as many rows copied by one INSERT … SELECT (rolled back).
  const copy = await pool.connect();
  let copySeconds: number;
  try {
    await copy.query("BEGIN");
    const t = performance.now();
    await copy.query(
      `INSERT INTO "Certificate" (id, serial, "verificationCode", kind, status, "officeId", "personId", content, "contentHash", signature, "issuedById", "issuedAt")
       SELECT gen_random_uuid(), c.serial || '-' || i, upper(substr(md5(c.serial || i), 1, 16)), c.kind, c.status, c."officeId", c."personId",
              jsonb_set(c.content, '{serial}', to_jsonb(c.serial || '-' || i)), c."contentHash", c.signature, c."issuedById", c."issuedAt" + make_interval(secs => i)
       FROM (SELECT * FROM "Certificate" WHERE "officeId" = $1 LIMIT 1) c, generate_series(1, $2) AS i`,
      [issuer.officeId, missing],
    );
    copySeconds = (performance.now() - t) / 1000;
  } finally {
    await copy.query("ROLLBACK");
    copy.release();
  }
  // The office's certificates up to 1,000, issued as the application issues them (gathered,
  // numbered, signed, chained), 100 to a transaction: each page of the batch is then a document
  // of its own, with its own serial, code and QR text.
  const t0 = performance.now();
  for (let done = 0; done < missing; done += 100) {
    await transaction(async (tx) => {
      const gathered = (await gatherCertificate(tx, { officeId: issuer.officeId, personId: person.id, issuerName: issuer.name, asOf: new Date() }))!;
      for (let i = done; i < Math.min(missing, done + 100); i++)
        await issueDocument(tx, { kind: "CERTIFICATE", office: gathered.office, personId: person.id, subject: gathered.subject, actor: issuer, draft: gathered.draft, baseUrl: "https://jingban.example" });
    }, { timeout: 120_000 });
  }
  const issueSeconds = (performance.now() - t0) / 1000;
  rows.push([`${missing} certificates issued, 100 a transaction`, `${issueSeconds.toFixed(1)} s issueDocument`, `${copySeconds.toFixed(2)} s INSERT … SELECT`]);
  const batch = await createBatch(issuer, {}, async () => {});
  if (!batch.ok) throw new Error(`batch: ${batch.error.key}`);
  if (batch.value.total !== 1000) throw new Error(`batch of ${batch.value.total}`);
  const t = performance.now();
  await runBatchJob(batch.value.id);
  const seconds = (performance.now() - t) / 1000;
  const done = await db.batchJob.findUniqueOrThrow({ where: { id: batch.value.id }, select: { status: true, pdfBytes: true, error: true } });
  if (done.status !== "DONE") throw new Error(`batch ${done.status}: ${done.error}`);
  const t2 = performance.now();
  await renderBatch(Array.from({ length: 1000 }, () => vm), { title: "bench" });
  const renderOnly = (performance.now() - t2) / 1000;
  rows.push(["1,000-certificate batch", `${seconds.toFixed(1)} s job (${((done.pdfBytes ?? 0) / 1024 / 1024).toFixed(1)} MB)`, `${renderOnly.toFixed(1)} s render only`]);
  ratio("batch_1000_seconds", seconds, "<15", "runBatchJob of 1,000 stored certificates: load, render into one PDF, store, log 1,000 print events");
}

// ---- 6. the PDF internals kept for speed (decision 0013) --------------------------------------

/**
 * BENCH_ONLY=internals: renders the same varied certificates with lib/pdf's shared font work
 * (font-work-cache.ts) and one-line fast path (layout.ts) on and off, alone and together, per
 * document and as a batch, in alternating rounds; and the QR code of lib/pdf/qr.ts against
 * plain `qrcode` making the PNG from the same text.
 */
async function benchPdfInternals() {
  const { db } = await import("@/lib/db/client");
  const { issueCertificate } = await import("@/lib/certificates/certificates");
  const { renderDocument, renderBatch } = await import("@/lib/pdf/render-document");
  const { setFontWorkSharing } = await import("@/lib/pdf/font-work-cache");
  const { setOneLineFastPath } = await import("@/lib/pdf/layout");
  const { qrPng } = await import("@/lib/pdf/qr");
  const QRCode = (await import("qrcode")).default;
  const issuer = await db.user.findUniqueOrThrow({ where: { username: "caseworker1" }, select: { id: true, name: true, role: true, officeId: true, idNumber: true } });
  const p1 = await db.insuredPerson.findUniqueOrThrow({ where: { idNumber: "440305199003071236" }, select: { id: true } });
  const issued = await issueCertificate(issuer, { personId: p1.id }, { baseUrl: "https://jingban.example" });
  if (!issued.ok) throw new Error(`issue: ${issued.error.key}`);
  const cert = await db.certificate.findUniqueOrThrow({ where: { serial: issued.value.serial }, select: { content: true } });
  const vm = cert.content as unknown as import("@/lib/pdf/types").DocumentViewModel;
  const variant = (i: number) => documentVariant(vm, i);
  const modes: Array<[string, boolean, boolean]> = [["both on (as shipped)", true, true], ["font sharing off", false, true], ["one-line fast path off", true, false], ["both off", false, false]];
  const perDoc = new Map<string, number[]>(modes.map(([m]) => [m, []]));
  const batch = new Map<string, number[]>(modes.map(([m]) => [m, []]));
  const set = (sharing: boolean, fast: boolean) => { setFontWorkSharing(sharing); setOneLineFastPath(fast); };
  let n = 0;
  for (const [, sharing, fast] of modes) { set(sharing, fast); await renderDocument(variant(n++)); }
  for (let round = 0; round < 5; round++) {
    for (const [mode, sharing, fast] of modes) {
      set(sharing, fast);
      for (let k = 0; k < 8; k++) {
        const t = performance.now();
        await renderDocument(variant(n++));
        perDoc.get(mode)!.push(performance.now() - t);
      }
      const docs = Array.from({ length: 100 }, () => variant(n++));
      const t = performance.now();
      await renderBatch(docs, { title: "bench" });
      batch.get(mode)!.push(performance.now() - t);
    }
  }
  set(true, true);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [mode] of modes) rows.push([`internals: ${mode}`, `${ms(mean(perDoc.get(mode)!))} per document`, `${ms(mean(batch.get(mode)!) / 100)} a page in a batch of 100`]);
  const base = mean(perDoc.get(modes[0][0])!);
  const baseBatch = mean(batch.get(modes[0][0])!);
  console.log(`[bench] internals: per document off/on ${round(mean(perDoc.get("both off")!) / base)}×, batch page off/on ${round(mean(batch.get("both off")!) / baseBatch)}×`);

  const texts = Array.from({ length: 200 }, (_, i) => variant(i).trust?.qrText ?? `https://jingban.example/v/${i}`);
  const [ours, plain] = await timePairs(texts.length, async () => qrPng(texts[n++ % texts.length]), async () => QRCode.toBuffer(texts[n++ % texts.length], { errorCorrectionLevel: "M" }));
  rows.push(["internals: QR code PNG", `${ms(mean(ours))} lib/pdf/qr.ts`, `${ms(mean(plain))} qrcode.toBuffer`]);
}

// ---- report -----------------------------------------------------------------------------------

async function report(seeded: Seeded, pool: pg.Pool) {
  const pgVersion = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  const cpus = os.cpus();
  const env = [
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"} (shared)`,
    `Node ${process.version}, PostgreSQL ${pgVersion}`,
    `BENCH_CASES=${CASES} (${seeded.people} people, ${seeded.events} events, seeded in ${seeded.seconds.toFixed(1)} s, database ${(seeded.databaseBytes / 1024 / 1024).toFixed(0)} MB)`,
  ];
  const table = [
    "| measurement | Jingban | baseline |",
    "|---|---|---|",
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
  ];
  console.log("");
  for (const line of table) console.log(line);
  console.log("");
  const missed = ratios.filter((r) => !r.met);
  console.log(missed.length ? `[bench] goals missed: ${missed.map((r) => r.name).join(", ")}` : "[bench] every goal met");

  if (ONLY) return;
  const file = path.join(process.cwd(), "docs", "benchmarks.md");
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const notes = /<!-- notes -->([\s\S]*)$/.exec(previous)?.[1]?.trim() ?? "";
  const md = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (tests/bench/bench.ts); the notes at the end are kept between runs.",
    "Each measurement runs against a baseline in the same process, on the same data, so the",
    "ratios mean more than the absolute numbers of a shared machine.",
    "",
    ...env.map((e) => `- ${e}`),
    "",
    "```",
    ...ratios.map((r) => `RATIO ${r.name} ${round(r.value)} ${r.goal}`),
    "```",
    "",
    "| ratio | value | goal | met | what it compares |",
    "|---|---|---|---|---|",
    ...ratios.map((r) => `| ${r.name} | ${round(r.value)} | ${r.goal} | ${r.met ? "yes" : "**no**"} | ${r.what} |`),
    "",
    ...table,
    "",
    "<!-- notes -->",
    "",
    notes,
    "",
  ].join("\n");
  fs.writeFileSync(file, md);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error instanceof Error ? error.stack : error);
  process.exit(1);
});
