/**
 * Supervision journeys (issue 6) on the fresh demo seed: a supervisor draws a 10% sample of
 * decided cases and an auditor re-reviews one blind and records a finding; a supervisor
 * reassigns three cases at once; the dashboard draws its charts; the auditor's chain check.
 *
 * The seed has no decided cases, so the setup makes some through the REST API with generated
 * people of office 440300 (never the demo's P1–P5, which other journeys use): intake of a
 * surrender on the ground of resignation (taken in to be refused in writing, docs/rules.md §2.1),
 * the checklist, submit, claim, reject with a reason — no calculation needed. (Not a duplicate
 * refund: the generated people have no overlapping months, and intake refuses those.)
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import demo from "../../prisma/seed/demo-data.json";
import { DEMO_PASSWORD, demoUsers, signIn } from "./helpers";

const SHENZHEN = demo.offices.find((o) => o.code === "440300")!;
const m = en.supervision;
const token: Record<string, string> = {};
const decided: string[] = [];
const open: Array<{ id: string; caseNumber: string }> = [];
const personPages: string[] = [];

async function api(request: APIRequestContext, who: string, method: "GET" | "POST", path: string, data?: unknown) {
  const response = await request.fetch(path, { method, data, headers: { authorization: `Bearer ${token[who]}`, "accept-language": "en" } });
  return { status: response.status(), body: await response.json() };
}

/** Full ID numbers of generated Shenzhen people, as caseworker1 reads them on the person page. */
async function generatedPeople(page: Page, count: number): Promise<string[]> {
  const found: string[] = [];
  for (const surname of Array.from("王李张刘陈杨黄赵吴周徐孙马朱胡郭")) {
    await page.goto(`/people?q=${encodeURIComponent(surname)}`);
    const rows = page.getByRole("table", { name: en.people.results }).locator("tbody tr");
    const hrefs: string[] = [];
    for (const row of await rows.all()) {
      const text = await row.innerText();
      if (!text.includes(SHENZHEN.nameEn) || !text.includes(en.people.relationshipStatus.ACTIVE)) continue;
      const href = await row.getByRole("link").getAttribute("href");
      if (href && !demo.people.some((p) => text.includes(p.name))) hrefs.push(href);
    }
    for (const href of hrefs.slice(0, 3)) {
      await page.goto(href);
      // A caseworker may see the full number (the view is logged server-side).
      found.push((await page.getByTestId("person-id-number").innerText()).trim());
      expect(found.at(-1)).toMatch(/^\d{17}[\dX]$/);
      personPages.push(href);
      if (found.length === count) return found;
    }
  }
  throw new Error(`found only ${found.length} generated people`);
}

/** A surrender (resignation) taken in and submitted by caseworker1 (SUBMITTED, unassigned). */
async function submittedCase(request: APIRequestContext, idNumber: string): Promise<{ id: string; caseNumber: string } | null> {
  const created = await api(request, "caseworker1", "POST", "/api/v1/cases", { type: "SURRENDER", idNumber, ground: "resignation", terminationMonth: "2024-06" });
  if (created.status !== 201) return null; // e.g. an open case of this person already: take the next one
  const { id, caseNumber } = created.body as { id: string; caseNumber: string };
  const detail = (await api(request, "caseworker1", "GET", `/api/v1/cases/${id}`)).body as { checklist: Array<{ kind: string; required: boolean; received: boolean }> };
  for (const item of detail.checklist.filter((d) => d.required && !d.received))
    expect((await api(request, "caseworker1", "POST", `/api/v1/cases/${id}/documents`, { kind: item.kind })).status).toBe(200);
  await transition(request, "caseworker1", id, { action: "submit" });
  return { id, caseNumber };
}

async function transition(request: APIRequestContext, who: string, id: string, input: Record<string, unknown>) {
  const { version } = (await api(request, who, "GET", `/api/v1/cases/${id}`)).body as { version: number };
  const result = await api(request, who, "POST", `/api/v1/cases/${id}/transitions`, { ...input, version });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}

/** Picks an option of the MUI select with this label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
  await expect(page.getByRole("listbox")).toHaveCount(0);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(180_000);
  for (const who of ["caseworker1", "caseworker2"]) {
    const response = await request.post("/api/v1/auth/token", { data: { username: who, password: DEMO_PASSWORD } });
    expect(response.status()).toBe(200);
    token[who] = ((await response.json()) as { token: string }).token;
  }
  const page = await browser.newPage();
  await signIn(page, "caseworker1");
  const people = await generatedPeople(page, 9);
  await page.close();
  for (const idNumber of people) {
    if (decided.length === 3 && open.length === 3) break;
    const c = await submittedCase(request, idNumber);
    if (!c) continue;
    if (decided.length < 3) {
      await transition(request, "caseworker2", c.id, { action: "claim" });
      await transition(request, "caseworker2", c.id, { action: "reject", reason: "辞职不属于一次性领取个人账户储存额的情形" });
      decided.push(c.id);
    } else open.push(c);
  }
  expect(decided).toHaveLength(3);
  expect(open).toHaveLength(3);
});

test("a supervisor draws a 10% sample; an auditor re-reviews one blind and records a finding", async ({ browser }) => {
  const supervisor = await browser.newPage();
  await signIn(supervisor, "supervisor1");
  await supervisor.goto("/supervision/samples");
  await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText(m.samples.title);
  await supervisor.getByLabel(m.samples.percentage).fill("10");
  await supervisor.getByLabel(m.samples.note).fill("e2e 月度抽查");
  await supervisor.getByRole("button", { name: m.samples.drawButton }).click();
  await expect(supervisor).toHaveURL(/\/supervision\/samples\/[0-9a-f-]{36}$/);
  const sampleUrl = new URL(supervisor.url()).pathname;
  // "… : {size} of {population} matching cases": ceil(10%), at least one.
  const summary = await supervisor.getByTestId("sample-summary").innerText();
  const [, size, population] = (/: (\d+) of (\d+) /.exec(summary) ?? []).map(Number);
  expect(population).toBeGreaterThanOrEqual(decided.length);
  expect(size).toBe(Math.ceil(population / 10));
  await expect(supervisor.getByRole("table", { name: m.samples.items }).locator("tbody tr")).toHaveCount(size);
  await supervisor.close();

  const auditor = await browser.newPage();
  await signIn(auditor, "auditor1");
  await auditor.goto(sampleUrl);
  const item = auditor.getByRole("table", { name: m.samples.items }).locator("tbody tr").first();
  await expect(item).toContainText(m.samples.pending);
  await item.getByRole("link").click();
  await expect(auditor.getByRole("heading", { level: 1 })).toHaveText(m.review.title);

  // Blind: the inputs are there, the decision is not.
  await expect(auditor.getByTestId("blind-notice")).toBeVisible();
  await expect(auditor.locator("[data-section=sec-person]")).toContainText(/\d{6}\*{8}\d{3}[\dX]/);
  await expect(auditor.locator("[data-status]")).toHaveCount(0);
  await expect(auditor.getByTestId("side-by-side")).toHaveCount(0);
  await expect(auditor.getByRole("heading", { name: en.casePage.timeline, exact: true })).toHaveCount(0);

  await choose(auditor, m.review.decision, m.review.decisions.REJECT);
  await auditor.getByLabel(m.review.note).fill("复核：辞职不属于一次性领取的情形，应予驳回");
  await auditor.getByRole("button", { name: m.review.record }).click();

  // Now side by side, with the agreement.
  await expect(auditor.getByTestId("side-by-side")).toBeVisible();
  await expect(auditor.getByTestId("review-decision")).toHaveText(m.review.decisions.REJECT);
  await expect(auditor.locator("[data-section=sec-original] [data-status]")).toBeVisible();
  await expect(auditor.getByTestId("agreement")).toBeVisible();
  await expect(auditor.getByTestId("blind-notice")).toHaveCount(0);

  await choose(auditor, m.review.severity, m.review.severities.MINOR);
  await auditor.getByRole("textbox", { name: m.review.findingText }).fill("驳回通知未载明法律依据条款");
  // An auditor changes nothing: no correction case offered.
  await expect(auditor.getByLabel(m.review.openCorrection)).toHaveCount(0);
  await auditor.getByRole("button", { name: m.review.recordFinding }).click();
  await expect(auditor.getByTestId("findings")).toContainText("驳回通知未载明法律依据条款");

  await auditor.goto(sampleUrl);
  await expect(auditor.getByRole("table", { name: m.samples.items }).locator("tbody tr").first()).not.toContainText(m.samples.pending);
  await auditor.close();
});

test("a supervisor reassigns three cases at once, with a reason", async ({ page, request }) => {
  await signIn(page, "supervisor1");
  await page.goto("/cases?status=SUBMITTED&type=SURRENDER");
  const table = page.getByRole("table", { name: en.caseList.results });
  for (const c of open) await table.getByRole("checkbox", { name: c.caseNumber }).check();
  const target = demoUsers.caseworker2;
  await choose(page, m.reassign.assignee, `${target.name} · ${en.shell.roles.caseworker}`);
  await page.getByLabel(m.reassign.reason).fill("周敏休假，改由吴刚办理");
  await page.getByRole("button", { name: m.reassign.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 cases reassigned." })).toBeVisible();
  for (const c of open) await expect(table.locator(`tr[data-case-number="${c.caseNumber}"]`)).toContainText(target.name);

  for (const c of open) {
    const detail = (await api(request, "caseworker1", "GET", `/api/v1/cases/${c.id}`)).body as {
      assignee: { name: string } | null;
      events: Array<{ action: string; reason?: string }>;
    };
    expect(detail.assignee?.name).toBe(target.name);
    expect(detail.events.at(-1)).toMatchObject({ action: "reassign", reason: "周敏休假，改由吴刚办理" });
  }
});

test("the supervisor's dashboard draws its charts", async ({ page }) => {
  await signIn(page, "supervisor1");
  await page.goto("/supervision");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.dashboard.title);
  for (const chart of ["open", "due", "throughput", "paid", "sla", "workload"]) {
    await expect(page.locator(`[data-chart=${chart}] svg`).first()).toBeVisible();
  }
  await expect(page.locator("[data-chart=workload]")).toContainText(demoUsers.caseworker2.name);
});

test("the auditor's chain check: intact, and the daily chain head prints and exports", async ({ page }) => {
  await signIn(page, "auditor1");
  // Without "person:read-full-id" the person page shows the number masked.
  await page.goto(personPages[0]);
  await expect(page.getByTestId("person-id-number")).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await page.goto("/supervision");
  await expect(page).toHaveURL(/\/supervision\/audit$/);
  await expect(page.getByTestId("chain-status")).toHaveAttribute("data-ok", "true");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  await page.getByLabel(m.audit.date).fill(today);
  await page.getByRole("button", { name: m.audit.print }).click();
  await expect(page.getByTestId("chain-head-sheet")).toBeVisible();
  await expect(page.getByTestId("seq-case")).not.toHaveText("0");
  await expect(page.getByTestId("hash-case")).toHaveText(/^[0-9a-f]{64}$/);
  const json = await page.request.get(`/api/v1/audit/chain-head?date=${today}`);
  expect(json.status()).toBe(200);
  const body = (await json.json()) as { heads: Array<{ chain: string; seq: number; hash: string }> };
  expect(body.heads.find((h) => h.chain === "case")?.hash).toBe((await page.getByTestId("hash-case").innerText()).trim());
});
