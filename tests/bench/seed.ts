/**
 * The benchmark's data (tests/bench/bench.ts): on top of the demo seed (two offices, their staff,
 * rates, holidays), `cases` cases generated in SQL with INSERT … SELECT generate_series — one
 * person per two cases, both offices, the three intake types, statuses in the shares of a
 * working desk (most decided, a tenth waiting in the unassigned queue), creation dates over two
 * years, due dates on open cases (some overdue), assignees on the cases in review, and a
 * `create` (and, past DRAFT, a `submit`) event per case in its office's chain.
 *
 * The generated events carry placeholder hashes: the benchmark database is thrown away and its
 * chains are not verified; new events appended by the benchmark chain on from the head as usual.
 */
import pg from "pg";

export interface Seeded {
  cases: number;
  people: number;
  events: number;
  seconds: number;
  databaseBytes: number;
}

/** Status by bucket 0–99 of a case's hash: shares of a desk in steady state. */
const STATUS_SQL = `CASE
  WHEN b < 55 THEN 'COMPLETED'
  WHEN b < 63 THEN 'REJECTED'
  WHEN b < 67 THEN 'WITHDRAWN'
  WHEN b < 69 THEN 'DRAFT'
  WHEN b < 81 THEN 'SUBMITTED'
  WHEN b < 87 THEN 'IN_REVIEW'
  WHEN b < 91 THEN 'PENDING_APPROVAL'
  WHEN b < 94 THEN 'RETURNED'
  WHEN t = 2 THEN 'AWAITING_FUNDS'
  ELSE 'APPROVED' END`;

export async function seedBulk(url: string, cases: number): Promise<Seeded> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const offices = (await client.query<{ id: string; code: string }>(`SELECT id, code FROM "Office" ORDER BY code DESC`)).rows;
    if (offices.length < 2) throw new Error("the demo seed must run first (two offices)");
    const [a, b] = offices; // 440300, 430100
    const staff = async (officeId: string) =>
      (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE "officeId" = $1 AND role = 'caseworker' ORDER BY username`, [officeId])).rows.map((r) => r.id);
    const [staffA, staffB] = [await staff(a.id), await staff(b.id)];
    const people = Math.max(1, Math.ceil(cases / 2));

    await client.query("BEGIN");
    // People: person i lives in office (i % 2); ids are deterministic so cases can point at them.
    await client.query(
      `INSERT INTO "InsuredPerson" (id, "idNumber", name, sex, "birthDate", "hukouProvince", "officeId")
       SELECT md5('person' || i)::uuid,
              (CASE WHEN i % 2 = 0 THEN '440305' ELSE '430102' END) || lpad(i::text, 11, '0') || (i % 10)::text,
              (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + i % 10] || (ARRAY['伟','芳','娜','敏','静','磊','洋','勇','艳','杰'])[1 + (i / 10) % 10] || (i % 1000)::text,
              (CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END)::"Sex",
              DATE '1960-01-01' + (i % 14000),
              CASE WHEN i % 2 = 0 THEN '广东' ELSE '湖南' END,
              CASE WHEN i % 2 = 0 THEN $1::uuid ELSE $2::uuid END
       FROM generate_series(0, $3 - 1) AS i`,
      [a.id, b.id, people],
    );
    // Cases: case j belongs to person (j % people), in that person's office.
    await client.query(
      `INSERT INTO "Case" (id, "caseNumber", type, status, version, "officeId", "personId", intake, amount,
                           "assigneeId", "createdById", "submittedById", "dueDate", "createdAt", "updatedAt", "decidedAt", "completedAt")
       SELECT md5('case' || j)::uuid,
              (CASE WHEN o = 0 THEN $1 ELSE $2 END) || '-' || (ARRAY['TB','TF','ZR'])[t + 1] || '-' || extract(year FROM created)::int || '-' || lpad(j::text, 7, '0'),
              (ARRAY['SURRENDER','DUPLICATE_REFUND','TRANSFER_IN'])[t + 1]::"CaseType",
              status::"CaseStatus",
              CASE status WHEN 'DRAFT' THEN 1 WHEN 'SUBMITTED' THEN 2 WHEN 'IN_REVIEW' THEN 3 WHEN 'PENDING_APPROVAL' THEN 4 WHEN 'RETURNED' THEN 4
                          WHEN 'APPROVED' THEN 5 WHEN 'AWAITING_FUNDS' THEN 5 WHEN 'WITHDRAWN' THEN 3 WHEN 'REJECTED' THEN 4 ELSE 6 END,
              CASE WHEN o = 0 THEN $3::uuid ELSE $4::uuid END,
              md5('person' || p)::uuid,
              -- an intake of each type's schema (lib/cases/case-data.ts): the case service parses it
              CASE t WHEN 0 THEN '{"ground":"retirement-age-short-contributions","terminationMonth":"2025-06","payees":[],"filedByAgent":false}'::jsonb
                     WHEN 1 THEN '{}'::jsonb
                     ELSE jsonb_build_object('fromOffice', CASE WHEN o = 0 THEN $2 ELSE $1 END, 'transferMonth', NULL) END,
              CASE WHEN status IN ('DRAFT','SUBMITTED','IN_REVIEW','WITHDRAWN') OR t = 2 THEN NULL ELSE 1000 + (j * 37 % 60000) END,
              CASE WHEN status IN ('IN_REVIEW','PENDING_APPROVAL','APPROVED','RETURNED','AWAITING_FUNDS')
                   THEN (CASE WHEN o = 0 THEN $5::uuid[] ELSE $6::uuid[] END)[1 + j % 2] END,
              (CASE WHEN o = 0 THEN $5::uuid[] ELSE $6::uuid[] END)[1 + (j / 2) % 2],
              CASE WHEN status = 'DRAFT' THEN NULL ELSE (CASE WHEN o = 0 THEN $5::uuid[] ELSE $6::uuid[] END)[1 + (j / 2) % 2] END,
              CASE WHEN status IN ('SUBMITTED','IN_REVIEW','PENDING_APPROVAL','APPROVED') THEN (created + interval '28 days')::date END,
              created, created + interval '1 hour',
              CASE WHEN status IN ('COMPLETED','REJECTED','APPROVED','AWAITING_FUNDS') THEN created + interval '10 days' END,
              CASE WHEN status = 'COMPLETED' THEN created + interval '20 days' END
       FROM (
         SELECT j, p, p % 2 AS o, t, b, ${STATUS_SQL} AS status, created
         FROM (
           SELECT j, j % $7 AS p, (j * 7) % 10 / 4 AS t, (j::bigint * 7919) % 100 AS b,
                  -- open cases are recent, decided ones spread over two years
                  now() - make_interval(secs => CASE WHEN (j::bigint * 7919) % 100 BETWEEN 67 AND 99 THEN (j::bigint * 104729) % (45 * 86400) ELSE (j::bigint * 104729) % (730 * 86400) END) AS created
           FROM generate_series(0, $8 - 1) AS j
         ) raw
       ) s`,
      [a.code, b.code, a.id, b.id, staffA.slice(0, 2), staffB.slice(0, 2), people, cases],
    );
    // History: `create` for every case and `submit` past DRAFT, numbered per office in time order.
    await client.query(
      `INSERT INTO "CaseEvent" (id, "officeId", "caseId", seq, "actorId", "actorName", action, "fromStatus", "toStatus", data, at, "prevHash", hash)
       SELECT gen_random_uuid(), e."officeId", e."caseId", row_number() OVER (PARTITION BY e."officeId" ORDER BY e.at, e."caseId", e.action),
              e."actorId", '基准经办', e.action, e."fromStatus"::"CaseStatus", e."toStatus"::"CaseStatus", '{}'::jsonb, e.at,
              repeat('0', 64), md5(e."caseId"::text || e.action) || md5(e.action || e."caseId"::text)
       FROM (
         SELECT "officeId", id AS "caseId", "createdById" AS "actorId", 'create' AS action, NULL AS "fromStatus", 'DRAFT' AS "toStatus", "createdAt" AS at FROM "Case"
         UNION ALL
         SELECT "officeId", id, "submittedById", 'submit', 'DRAFT', 'SUBMITTED', "createdAt" + interval '5 minutes' FROM "Case" WHERE "submittedById" IS NOT NULL
       ) e`,
    );
    await client.query(
      `INSERT INTO "ChainHead" ("officeId", chain, seq, hash)
       SELECT DISTINCT ON ("officeId") "officeId", 'case', seq, hash FROM "CaseEvent" ORDER BY "officeId", seq DESC
       ON CONFLICT ("officeId", chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const events = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "CaseEvent"`)).rows[0].n);
    const bytes = Number((await client.query<{ n: string }>(`SELECT pg_database_size(current_database()) AS n`)).rows[0].n);
    return { cases, people, events, seconds: (performance.now() - started) / 1000, databaseBytes: bytes };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
