import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { issueApiToken } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { createOffice, createPerson, createUser } from "@/prisma/seed/factories";
import { hashPassword } from "@/lib/auth/password";
import { POST as issueRoute, GET as listRoute } from "@/app/api/v1/certificates/route";
import { GET as pdfRoute } from "@/app/api/v1/certificates/[serial]/pdf/route";
import { POST as reprintRoute } from "@/app/api/v1/certificates/[serial]/reprint/route";
import { POST as revokeRoute } from "@/app/api/v1/certificates/[serial]/revoke/route";
import { POST as supersedeRoute } from "@/app/api/v1/certificates/[serial]/supersede/route";
import { POST as batchRoute } from "@/app/api/v1/certificates/batches/route";
import { GET as batchStatusRoute } from "@/app/api/v1/certificates/batches/[id]/route";
import { GET as batchPdfRoute } from "@/app/api/v1/certificates/batches/[id]/pdf/route";
import { GET as verifyRoute } from "@/app/api/v1/verify/[code]/route";
import { GET as keyRoute } from "@/app/.well-known/jingban-signing-key/route";
import { verifyChain, appendToChain, caseEventContent } from "@/lib/audit/chain";
import { parseSignedUrl, verifySignature } from "@/lib/certificates/signing";
import { issueDocument } from "@/lib/certificates/issue-document";
import { runBatchJob } from "@/lib/certificates/batch";
import { stopBatchQueue } from "@/lib/certificates/batch-queue";
import { gatherCertificate } from "@/lib/certificates/gather";
import type { DocumentViewModel } from "@/lib/pdf/types";
import { decodeQr, pdfPageCount } from "@/tests/factories/pdf";

// Office codes, usernames and ID numbers are unique to this file: the integration database is shared.
process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");
process.env.JINGBAN_PUBLIC_URL = "https://jingban.test";

const PROVINCE = "证书测试省";
const PASSWORD = "Cert-Test-Password-1";

const users: Record<string, { id: string; token: string }> = {};
let officeA: { id: string; code: string };
let officeB: { id: string; code: string };
const P1 = { idNumber: "110101199003074215", name: "证书甲" };
const P2 = { idNumber: "110101198505061233", name: "证书乙" };
const P3 = { idNumber: "110101197001011238", name: "无记录" };

const records = [
  ["2019-01", "2019-12", "6000"], ["2020-01", "2020-12", "6300"], ["2021-01", "2021-12", "6600"],
  ["2022-01", "2022-12", "7000"], ["2023-01", "2023-12", "7200"], ["2024-01", "2024-05", "7500"],
].map(([from, to, monthlyBase]) => ({ from, to, monthlyBase, payerType: "employer" as const, rate: "0.24", accountRate: "0.08" }));

function call(url: string, o: { method?: string; token?: string; body?: unknown; lang?: string } = {}) {
  const headers: Record<string, string> = { "accept-language": o.lang ?? "en" };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${url}`, {
    method: o.method ?? (o.body === undefined ? "GET" : "POST"),
    headers,
    body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body),
  });
}
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

async function issue(user: string, idNumber: string) {
  const response = await issueRoute(call("/api/v1/certificates", { token: users[user].token, body: { idNumber } }));
  return { status: response.status, body: (await response.json()) as { serial: string; verificationCode: string; url: string; error?: { issues?: { path: string }[] } } };
}
async function verify(code: string, query = "") {
  const response = await verifyRoute(call(`/api/v1/verify/${code}${query}`), params({ code }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
async function stored(serial: string) {
  return db.certificate.findUniqueOrThrow({ where: { serial }, select: { id: true, content: true, status: true, officeId: true, supersedesId: true } });
}

beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  officeA = await createOffice(db, { code: "IT-CERT-A", name: "证书测试甲局", nameEn: "Certificate test office A", province: PROVINCE, approvalLimit: "50000.00", address: "测试路1号", postcode: "100000", phone: "010-12333" });
  officeB = await createOffice(db, { code: "IT-CERT-B", name: "证书测试乙局", nameEn: "Certificate test office B", province: PROVINCE, approvalLimit: "50000.00" });
  for (const [username, role, officeId] of [
    ["cert-cw-a", "caseworker", officeA.id],
    ["cert-sup-a", "supervisor", officeA.id],
    ["cert-aud-a", "auditor", officeA.id],
    ["cert-cw-b", "caseworker", officeB.id],
    ["cert-sup-b", "supervisor", officeB.id],
  ] as const) {
    const u = await createUser(db, { username, name: `${username}名`, role, officeId, password: PASSWORD }, hash);
    users[username] = { id: u.id, token: (await issueApiToken(u.id)).token };
  }
  await createPerson(db, { ...P1, sex: "M", birthDate: "1990-03-07", hukouProvince: "广东", officeId: officeA.id, records });
  await createPerson(db, { ...P2, sex: "M", birthDate: "1985-05-06", hukouProvince: "湖南", officeId: officeA.id, records: records.slice(0, 2) });
  await createPerson(db, { ...P3, sex: "M", birthDate: "1970-01-01", hukouProvince: "湖南", officeId: officeA.id });
  // Rates under this file's own scope (a province name), so other files' national rows never clash.
  await db.creditingRate.createMany({
    data: Object.entries({ 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397", 2024: "0.0262" }).map(([year, rate]) => ({
      year: Number(year), scope: PROVINCE, rate: new Prisma.Decimal(rate),
    })),
    skipDuplicates: true,
  });
});

afterAll(async () => {
  await stopBatchQueue();
});

describe("issue → verify → revoke", () => {
  test("issue answers 201 with serial, code and url; the PDF downloads; the public check says valid, masked", async () => {
    const { status, body } = await issue("cert-cw-a", P1.idNumber);
    expect(status).toBe(201);
    expect(body.serial).toMatch(/^IT-CERT-A-\d{4}-\d{6}$/);
    expect(body.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/);
    expect(body.url).toBe(`https://jingban.test/api/v1/certificates/${body.serial}/pdf`);

    const pdf = await pdfRoute(call(new URL(body.url).pathname, { token: users["cert-cw-a"].token }), params({ serial: body.serial }));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(await pdfPageCount(Buffer.from(await pdf.arrayBuffer()))).toBe(1);

    const v = await verify(body.verificationCode);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: "valid", serial: body.serial, name: "证*甲", idNumber: "110101********4215", office: { code: "IT-CERT-A" } });
    expect(v.body.issuedAt).toMatch(/\+08:00$/);
    // lowercase and dashes are the same code
    const grouped = body.verificationCode.toLowerCase().replace(/(.{4})(?=.)/g, "$1-");
    expect((await verify(grouped)).body.status).toBe("valid");

    const revoke = await revokeRoute(call(`/api/v1/certificates/${body.serial}/revoke`, { token: users["cert-sup-a"].token, body: { reason: "issued to the wrong person" } }), params({ serial: body.serial }));
    expect(revoke.status).toBe(200);
    expect((await verify(body.verificationCode)).body).toMatchObject({ status: "revoked", serial: body.serial });
    const again = await revokeRoute(call(`/api/v1/certificates/${body.serial}/revoke`, { token: users["cert-sup-a"].token, body: { reason: "twice" } }), params({ serial: body.serial }));
    expect(again.status).toBe(409);

    const events = await db.certificateEvent.findMany({ where: { certificateId: (await stored(body.serial)).id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["issue", "print", "verify", "verify", "revoke", "verify"]);
  });

  test("the serial counts up per office and year", async () => {
    const a = await issue("cert-cw-a", P1.idNumber);
    const b = await issue("cert-cw-a", P2.idNumber);
    const n = (s: string) => Number(s.split("-").pop());
    expect(n(b.body.serial)).toBe(n(a.body.serial) + 1);
  });

  test("forged, altered and malformed codes are 404", async () => {
    const { body } = await issue("cert-cw-a", P1.idNumber);
    const code = body.verificationCode;
    const altered = code.slice(0, -1) + (code.endsWith("Z") ? "Y" : "Z");
    for (const c of [altered, "ABCDEFGHJKMNPQRS", "0000", "x".repeat(80), "ABCDEFGHJKMNPQR1"]) expect((await verify(c)).status).toBe(404);
  });

  test("bad input is 400 with field errors, never 500", async () => {
    const bad = await issue("cert-cw-a", "110101199003074210");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.issues?.[0].path).toBe("idNumber");
    for (const body of ["{", "[]", JSON.stringify({}), JSON.stringify({ idNumber: 5 }), JSON.stringify({ idNumber: P1.idNumber, extra: 1 })]) {
      const r = await issueRoute(call("/api/v1/certificates", { token: users["cert-cw-a"].token, body }));
      expect(r.status).toBe(400);
    }
    const list = await listRoute(call("/api/v1/certificates?kind=NOPE&from=2026-13-01", { token: users["cert-cw-a"].token }));
    expect(list.status).toBe(400);
    const noRecords = await issue("cert-cw-a", P3.idNumber);
    expect(noRecords.status).toBe(422);
    const unknownPerson = await issue("cert-cw-a", "110101200001011232");
    expect(unknownPerson.status).toBe(404);
    expect((await issueRoute(call("/api/v1/certificates", { body: { idNumber: P1.idNumber } }))).status).toBe(401);
  });
});

describe("the signed QR payload", () => {
  test("verifies with the published public key, and fails when one byte changes", async () => {
    const { body } = await issue("cert-cw-a", P1.idNumber);
    const content = (await stored(body.serial)).content as unknown as DocumentViewModel;
    const signed = parseSignedUrl(content.trust!.qrText)!;
    expect(signed.payload).toMatchObject({ serial: body.serial, code: body.verificationCode, kind: "CERTIFICATE", officeCode: "IT-CERT-A" });
    expect(JSON.stringify(signed.payload)).not.toContain(P1.idNumber);
    expect(content.trust!.qrText.startsWith(`https://jingban.test/verify/${body.verificationCode}?p=`)).toBe(true);

    const keyResponse = await keyRoute(call("/.well-known/jingban-signing-key"));
    expect(keyResponse.status).toBe(200);
    const pem = await keyResponse.text();
    expect(pem).toContain("BEGIN PUBLIC KEY");
    const publicKey = crypto.createPublicKey(pem);
    expect(verifySignature(signed.bytes, signed.signature, publicKey)).toBe(true);

    for (let i = 0; i < signed.bytes.length; i += 17) {
      const tampered = Buffer.from(signed.bytes);
      tampered[i] ^= 0x01;
      expect(verifySignature(tampered, signed.signature, publicKey)).toBe(false);
    }
    const sig = Buffer.from(signed.signature, "base64url");
    sig[10] ^= 0x01;
    expect(verifySignature(signed.bytes, sig.toString("base64url"), publicKey)).toBe(false);

    const jwks = (await (await keyRoute(call("/.well-known/jingban-signing-key?format=jwk"))).json()) as { keys: crypto.JsonWebKey[] };
    expect(verifySignature(signed.bytes, signed.signature, crypto.createPublicKey({ key: jwks.keys[0], format: "jwk" }))).toBe(true);

    // The verification API checks a presented payload against the document too.
    const query = new URL(content.trust!.qrText).search;
    expect((await verify(body.verificationCode, query)).body.signature).toBe("valid");
    const otherPayload = Buffer.from(JSON.stringify({ ...signed.payload, serial: "IT-CERT-A-2026-999999" })).toString("base64url");
    expect((await verify(body.verificationCode, `?p=${otherPayload}&s=${signed.signature}`)).body.signature).toBe("invalid");
  });

  test("the QR code read off the downloaded PDF's pixels is the signed verification URL, and that URL verifies", async () => {
    const { body } = await issue("cert-cw-a", P2.idNumber);
    const response = await pdfRoute(call(`/api/v1/certificates/${body.serial}/pdf`, { token: users["cert-cw-a"].token }), params({ serial: body.serial }));
    expect(response.status).toBe(200);
    const scanned = await decodeQr(Buffer.from(await response.arrayBuffer()), 1);
    const content = (await stored(body.serial)).content as unknown as DocumentViewModel;
    expect(scanned).toBe(content.trust!.qrText);

    // It opens this certificate's public verification page …
    const url = new URL(scanned!);
    expect(`${url.origin}${url.pathname}`).toBe(`https://jingban.test/verify/${body.verificationCode}`);
    // … its payload names this certificate and checks offline with the published key …
    const signed = parseSignedUrl(scanned!)!;
    expect(signed.payload).toMatchObject({ serial: body.serial, code: body.verificationCode, kind: "CERTIFICATE", officeCode: "IT-CERT-A" });
    const publicKey = crypto.createPublicKey(await (await keyRoute(call("/.well-known/jingban-signing-key"))).text());
    expect(verifySignature(signed.bytes, signed.signature, publicKey)).toBe(true);
    // … and the online check of the scanned code and query says valid, signature and all.
    const v = await verify(url.pathname.split("/").pop()!, url.search);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: "valid", signature: "valid", serial: body.serial, kind: "CERTIFICATE", name: "证*乙", idNumber: "110101********1233", office: { code: "IT-CERT-A" } });
  });
});

describe("offices, roles and reasons", () => {
  let serial: string;
  beforeAll(async () => {
    serial = (await issue("cert-cw-a", P1.idNumber)).body.serial;
  });

  test("another office can neither download, reprint nor revoke: 404", async () => {
    const tokenB = users["cert-sup-b"].token;
    expect((await pdfRoute(call(`/api/v1/certificates/${serial}/pdf`, { token: tokenB }), params({ serial }))).status).toBe(404);
    expect((await reprintRoute(call(`/api/v1/certificates/${serial}/reprint`, { token: tokenB, body: { reason: "x" } }), params({ serial }))).status).toBe(404);
    expect((await revokeRoute(call(`/api/v1/certificates/${serial}/revoke`, { token: tokenB, body: { reason: "x" } }), params({ serial }))).status).toBe(404);
    expect((await supersedeRoute(call(`/api/v1/certificates/${serial}/supersede`, { token: tokenB, body: { reason: "x" } }), params({ serial }))).status).toBe(404);
    const list = (await (await listRoute(call("/api/v1/certificates", { token: tokenB }))).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    // Office B does not even know the person: issuing there is 404 as well.
    expect((await issue("cert-cw-b", P1.idNumber)).status).toBe(404);
  });

  test("a caseworker cannot revoke (403); an auditor can download but not reprint", async () => {
    const r = await revokeRoute(call(`/api/v1/certificates/${serial}/revoke`, { token: users["cert-cw-a"].token, body: { reason: "x" } }), params({ serial }));
    expect(r.status).toBe(403);
    expect((await stored(serial)).status).toBe("VALID");
    expect((await pdfRoute(call(`/api/v1/certificates/${serial}/pdf`, { token: users["cert-aud-a"].token }), params({ serial }))).status).toBe(200);
    expect((await reprintRoute(call(`/api/v1/certificates/${serial}/reprint`, { token: users["cert-aud-a"].token, body: { reason: "x" } }), params({ serial }))).status).toBe(403);
  });

  test("reprint without a reason is 400 with the field; with one it is the identical PDF", async () => {
    const token = users["cert-cw-a"].token;
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: 42 }]) {
      const r = await reprintRoute(call(`/api/v1/certificates/${serial}/reprint`, { token, body }), params({ serial }));
      expect(r.status).toBe(400);
      const json = (await r.json()) as { error: { issues: { path: string }[] } };
      expect(json.error.issues[0].path).toBe("reason");
    }
    const first = Buffer.from(await (await pdfRoute(call(`/api/v1/certificates/${serial}/pdf`, { token }), params({ serial }))).arrayBuffer());
    const reprint = await reprintRoute(call(`/api/v1/certificates/${serial}/reprint`, { token, body: { reason: "原件遗失 lost" } }), params({ serial }));
    expect(reprint.status).toBe(200);
    expect(Buffer.from(await reprint.arrayBuffer()).equals(first)).toBe(true);
    const last = await db.certificateEvent.findFirst({ where: { certificateId: (await stored(serial)).id }, orderBy: { seq: "desc" }, select: { action: true, reason: true } });
    expect(last).toEqual({ action: "reprint", reason: "原件遗失 lost" });
  });

  test("supersede: a new certificate points to the old one, which reads superseded", async () => {
    const { body: old } = await issue("cert-cw-a", P2.idNumber);
    const r = await supersedeRoute(call(`/api/v1/certificates/${old.serial}/supersede`, { token: users["cert-sup-a"].token, body: { reason: "record corrected" } }), params({ serial: old.serial }));
    expect(r.status).toBe(201);
    const created = (await r.json()) as { serial: string; verificationCode: string; supersedes: string };
    expect(created.supersedes).toBe(old.serial);
    expect((await stored(created.serial)).supersedesId).toBe((await stored(old.serial)).id);
    expect((await verify(old.verificationCode)).body).toMatchObject({ status: "superseded", supersededBy: created.serial });
    expect((await verify(created.verificationCode)).body.status).toBe("valid");
    const twice = await supersedeRoute(call(`/api/v1/certificates/${old.serial}/supersede`, { token: users["cert-sup-a"].token, body: { reason: "again" } }), params({ serial: old.serial }));
    expect(twice.status).toBe(409);
  });

  test("the office's chain verifies intact after all of this, and an edit behind the trigger's back is found", async () => {
    const result = await verifyChain(db, officeA.id, "certificate");
    expect(result).toMatchObject({ ok: true });
    expect(result.events).toBeGreaterThan(20);
    const head = await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: officeA.id, chain: "certificate" } } });
    expect(head.seq).toBe(result.events);

    // A superuser can bypass the append-only trigger; the chain still tells.
    const victim = await db.certificateEvent.findFirstOrThrow({ where: { officeId: officeA.id, action: "reprint" }, select: { id: true, seq: true } });
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`UPDATE "CertificateEvent" SET "reason" = 'nothing happened' WHERE "id" = ${victim.id}::uuid`;
    });
    expect(await verifyChain(db, officeA.id, "certificate")).toMatchObject({ ok: false, brokenAtSeq: victim.seq, problem: "hash-mismatch" });
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`UPDATE "CertificateEvent" SET "reason" = '原件遗失 lost' WHERE "id" = ${victim.id}::uuid`;
    });
    expect((await verifyChain(db, officeA.id, "certificate")).ok).toBe(true);
  });
});

describe("the chain API for other event tables", () => {
  test("concurrent appends never fork a chain; a case chain verifies with caseEventContent", async () => {
    const office = await createOffice(db, { code: "IT-CERT-C", name: "链测试局", nameEn: "Chain test office", province: PROVINCE, approvalLimit: "1.00" });
    const user = await createUser(db, { username: "cert-chain", name: "链", role: "caseworker", officeId: office.id, password: PASSWORD }, await hashPassword(PASSWORD));
    const person = await createPerson(db, { idNumber: "110101199912311230", name: "链人", sex: "M", birthDate: "1999-12-31", hukouProvince: "湖南", officeId: office.id });
    const kase = await db.case.create({
      data: { caseNumber: `IT-CERT-C-${Date.now()}`, type: "SURRENDER", officeId: office.id, personId: person.id, createdById: user.id },
      select: { id: true },
    });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        transaction(async (tx) => {
          const row = { caseId: kase.id, action: `note-${i}`, actorId: user.id, actorName: "链", data: { i }, at: new Date() };
          const link = await appendToChain(tx, { officeId: office.id, chain: "case", content: caseEventContent(row) });
          await tx.caseEvent.create({ data: { ...row, officeId: office.id, ...link } });
        }),
      ),
    );
    const result = await verifyChain(db, office.id, "case");
    expect(result).toMatchObject({ ok: true, events: 12 });
  });
});

describe("batch printing", () => {
  test("a batch of N certificates through the API and the pg-boss worker makes one PDF of N pages", async () => {
    const N = 12;
    const before = new Date();
    for (let i = 0; i < N; i++) expect((await issue("cert-cw-a", i % 2 ? P1.idNumber : P2.idNumber)).status).toBe(201);
    const token = users["cert-cw-a"].token;
    // Everything valid issued in this test: the filter is by Shanghai day, so select by serial range instead.
    const ids = await db.certificate.findMany({ where: { officeId: officeA.id, issuedAt: { gte: before }, status: "VALID" }, select: { id: true } });
    expect(ids).toHaveLength(N);
    const response = await batchRoute(call("/api/v1/certificates/batches", { token, body: { status: "VALID" } }));
    expect(response.status).toBe(202);
    const batch = (await response.json()) as { id: string; total: number };
    const total = await db.certificate.count({ where: { officeId: officeA.id, status: "VALID" } });
    expect(batch.total).toBe(total);

    let status = { status: "QUEUED", percent: 0, url: null as string | null };
    const deadline = Date.now() + 60_000;
    while (status.status !== "DONE" && status.status !== "FAILED" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      status = (await (await batchStatusRoute(call(`/api/v1/certificates/batches/${batch.id}`, { token }), params({ id: batch.id }))).json()) as typeof status;
    }
    expect(status).toMatchObject({ status: "DONE", percent: 100, url: `/api/v1/certificates/batches/${batch.id}/pdf` });
    const pdf = await batchPdfRoute(call(status.url!, { token }), params({ id: batch.id }));
    expect(pdf.status).toBe(200);
    expect(await pdfPageCount(Buffer.from(await pdf.arrayBuffer()))).toBe(total);
    // another office's user cannot see the batch
    expect((await batchStatusRoute(call(`/api/v1/certificates/batches/${batch.id}`, { token: users["cert-cw-b"].token }), params({ id: batch.id }))).status).toBe(404);
    expect((await verifyChain(db, officeA.id, "certificate")).ok).toBe(true);
    const empty = await batchRoute(call("/api/v1/certificates/batches", { token, body: { from: "2001-01-01", to: "2001-01-01" } }));
    expect(empty.status).toBe(422);
    expect((await batchRoute(call("/api/v1/certificates/batches", { token, body: { from: "yesterday" } }))).status).toBe(400);
  });

  // The timing of 1,000 certificates is `npm run bench`'s (batch_1000_seconds, docs/benchmarks.md).
  test("certificates issued in chunks, one transaction each, print as one batch of N pages", async () => {
    const office = await createOffice(db, { code: "IT-CERT-K", name: "千份测试局", nameEn: "Thousand test office", province: PROVINCE, approvalLimit: "1.00" });
    const user = await createUser(db, { username: "cert-k", name: "千份", role: "caseworker", officeId: office.id, password: PASSWORD }, await hashPassword(PASSWORD));
    const person = await createPerson(db, { idNumber: "110101198001011232", name: "千份人", sex: "M", birthDate: "1980-01-01", hukouProvince: "湖南", officeId: office.id, records });
    const N = 30;
    const CHUNK = 10;
    const ids: string[] = [];
    for (let chunk = 0; chunk < N; chunk += CHUNK) {
      await transaction(
        async (tx) => {
          const gathered = (await gatherCertificate(tx, { officeId: office.id, personId: person.id, issuerName: "千份", asOf: new Date() }))!;
          for (let i = 0; i < CHUNK; i++) {
            const issued = await issueDocument(tx, { kind: "CERTIFICATE", office: gathered.office, personId: person.id, subject: gathered.subject, actor: user, draft: gathered.draft, baseUrl: "https://jingban.test" });
            ids.push(issued!.id);
          }
        },
      );
    }
    const batch = await db.batchJob.create({ data: { officeId: office.id, certificateIds: ids, total: N, createdById: user.id }, select: { id: true } });
    await runBatchJob(batch.id);
    const done = await db.batchJob.findUniqueOrThrow({ where: { id: batch.id }, select: { status: true, pdf: true, pdfBytes: true } });
    expect(done.status).toBe("DONE");
    expect(await pdfPageCount(Buffer.from(done.pdf!))).toBe(N);
    expect((await verifyChain(db, office.id, "certificate")).ok).toBe(true);
  });
});
