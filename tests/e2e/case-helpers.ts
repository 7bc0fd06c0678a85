/**
 * Helpers for the case journeys (tests/e2e/case-*.spec.ts): one browser context per demo user
 * ("desk"), intake through the form, the checklist, the confirmed workflow actions and the
 * receipt, all through the UI's test hooks (data-action, data-kind, data-field, …).
 */
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import zh from "../../lib/i18n/messages/zh-CN.json";
import { demoPeople, signIn } from "./helpers";

export type Locale = "en" | "zh-CN";
export type Messages = typeof en;
export const messages: Record<Locale, Messages> = { en, "zh-CN": zh };

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, params: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

export interface Desk {
  username: string;
  context: BrowserContext;
  page: Page;
  /** The messages of the desk's language. */
  m: Messages;
}

/**
 * Signs `username` in, in a browser context of its own, with the browser's language set to
 * `locale` (the app follows Accept-Language until someone uses the language switch).
 */
export async function openDesk(browser: Browser, username: string, locale: Locale = "en"): Promise<Desk> {
  const context = await browser.newContext({ locale: locale === "en" ? "en-US" : "zh-CN" });
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  return { username, context, page, m: messages[locale] };
}

/**
 * Waits until React has hydrated an element (its props are attached), so that a click reaches
 * its handler: right after a page load, server-rendered buttons are visible before they work.
 */
export async function hydrated(locator: Locator): Promise<Locator> {
  await expect(locator).toBeVisible();
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$"))), { message: "hydrated" })
    .toBe(true);
  return locator;
}

export async function closeDesks(...desks: Desk[]): Promise<void> {
  for (const desk of desks) await desk.context.close();
}

// ---------------------------------------------------------------------------------------------
// Intake

export type CaseType = "SURRENDER" | "DUPLICATE_REFUND" | "TRANSFER_IN";

export interface Intake {
  type: CaseType;
  idNumber: string;
  ground?: string;
  terminationMonth?: string;
  payees?: Array<{ name: string; idNumber: string; relationship: string }>;
  fromOffice?: string;
  transferMonth?: string;
}

/** Picks `option` in the MUI select labelled `label` (a combobox named by its label and value). */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const combobox = page.getByRole("combobox", { name: label });
  await (await hydrated(combobox)).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(page.getByRole("listbox")).toHaveCount(0);
  // The menu leaves the accessibility tree at once but stays in the page while it fades out; axe
  // then measures its half-transparent options (contrast 1.05). Wait until it is gone.
  await expect(page.locator(".MuiPopover-root")).toHaveCount(0);
  await expect(combobox).toContainText(option);
}

/** Opens the intake form and fills it; does not submit. */
export async function fillIntake(desk: Desk, intake: Intake): Promise<void> {
  const { page, m } = desk;
  await page.goto("/cases/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.intake.title);
  await choose(page, m.intake.type, m.case.types[intake.type]);
  await page.locator('input[name="idNumber"]').fill(intake.idNumber);
  if (intake.type === "SURRENDER") {
    if (intake.ground) await choose(page, m.intake.ground, m.case.grounds[intake.ground as keyof Messages["case"]["grounds"]]);
    await page.locator('input[name="terminationMonth"]').fill(intake.terminationMonth ?? "");
    for (const [i, payee] of (intake.payees ?? []).entries()) {
      if (i > 0) await page.getByRole("button", { name: m.intake.addPayee }).click();
      await page.getByLabel(m.intake.payeeName).nth(i).fill(payee.name);
      await page.getByLabel(m.intake.payeeIdNumber).nth(i).fill(payee.idNumber);
      await choose(page, m.intake.payeeRelationship, m.case.relationships[payee.relationship as keyof Messages["case"]["relationships"]]);
    }
  }
  if (intake.type === "TRANSFER_IN") {
    await page.locator('input[name="fromOffice"]').fill(intake.fromOffice ?? "");
    if (intake.transferMonth) await page.locator('input[name="transferMonth"]').fill(intake.transferMonth);
  }
}

export interface CreatedCase {
  id: string;
  caseNumber: string;
  url: string;
}

/** Takes a case in through the intake form and waits for its page (status Draft). */
export async function createCase(desk: Desk, intake: Intake): Promise<CreatedCase> {
  const { page, m } = desk;
  await fillIntake(desk, intake);
  await page.getByRole("button", { name: m.intake.create, exact: true }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await expect(statusChip(page)).toHaveAttribute("data-status", "DRAFT");
  const caseNumber = (await page.getByTestId("case-number").textContent())!.trim();
  expect(caseNumber).toMatch(/^\d{6}-[A-Z]+-\d{4}-\d{6}$/);
  return { id, caseNumber, url: `/cases/${id}` };
}

// ---------------------------------------------------------------------------------------------
// Case page

/** The status chip next to the case number (not the chips of linked cases). */
export function statusChip(page: Page): Locator {
  return page.getByTestId("case-number").locator("xpath=following-sibling::*[@data-status]");
}

export async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(statusChip(page)).toHaveAttribute("data-status", status);
}

/** Opens a case as this desk (a fresh load, as a user coming back to it would). */
export async function openCase(desk: Desk, c: CreatedCase | string): Promise<Page> {
  const url = typeof c === "string" ? c : c.url;
  await desk.page.goto(url);
  await expect(desk.page.getByTestId("case-number")).toBeVisible();
  return desk.page;
}

/** Marks every required, missing checklist item received, one after the other; returns their kinds. */
export async function markRequiredDocuments(desk: Desk): Promise<string[]> {
  const { page, m } = desk;
  const rows = page.locator("tr[data-kind]");
  await expect(rows.first()).toBeVisible();
  const items = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      kind: tr.getAttribute("data-kind")!,
      received: tr.getAttribute("data-received") === "true",
      requirement: tr.querySelectorAll("td")[1]?.textContent?.trim() ?? "",
    })),
  );
  const todo = items.filter((i) => i.requirement === m.casePage.required && !i.received).map((i) => i.kind);
  expect(todo.length, "the checklist has required items").toBeGreaterThan(0);
  for (const kind of todo) {
    const row = page.locator(`tr[data-kind="${kind}"]`);
    await (await hydrated(row.getByRole("button", { name: m.casePage.markReceived }))).click();
    // The row turns received with the same refresh that hands the page the new version.
    await expect(row).toHaveAttribute("data-received", "true");
  }
  return todo;
}

export interface ActOptions {
  reason?: string;
  /** Inputs of the confirm dialog by name: paymentReference, fundsReference, receivedAmount. */
  data?: Record<string, string>;
  /** The status the case must reach; omit when the action is expected to be refused. */
  to?: string;
}

/** Clicks a workflow action, fills the confirm dialog and confirms. */
export async function act(page: Page, action: string, options: ActOptions = {}): Promise<void> {
  await (await hydrated(page.locator(`[data-action="${action}"]`))).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  for (const [name, value] of Object.entries(options.data ?? {})) await dialog.locator(`[name="${name}"]`).fill(value);
  if (options.reason !== undefined) await dialog.locator('textarea[name="reason"]').fill(options.reason);
  await dialog.getByTestId("confirm-action").click();
  if (options.to) {
    await expect(dialog).toBeHidden();
    await expectStatus(page, options.to);
  }
}

/** A money cell of the calculation receipt. */
export function receiptField(page: Page, field: string): Locator {
  return page.getByTestId("calculation-receipt").locator(`[data-field="${field}"]`);
}

/** The value next to a label in a definition list (the case summary, the person page). */
export function definition(page: Page, label: string): Locator {
  return page.locator("dt").filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).locator("xpath=following-sibling::dd[1]");
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The case as the API returns it to this desk's session (its version, for API calls). */
export async function caseFromApi(page: Page, id: string): Promise<{ status: string; version: number; events: Array<{ action: string; reason?: string }> }> {
  const response = await page.request.get(`/api/v1/cases/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** Timeline entries of one action. */
export function timelineEvents(page: Page, action: string): Locator {
  return page.locator(`[data-event="${action}"]`);
}

/** Number of cases in the office's case list, following the pages. */
export async function countCases(page: Page): Promise<number> {
  let count = 0;
  let href: string | null = "/cases";
  while (href) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    count += await page.locator("tr[data-case-number]").count();
    // Only the next-page link carries a cursor (the first-page link drops it).
    const next = page.locator('a[href*="cursor="]');
    href = (await next.count()) > 0 ? await next.getAttribute("href") : null;
  }
  return count;
}

/** The amounts a demo person's scenario expects (prisma/seed/demo-data.json, from golden.json). */
export function scenarioExpect(key: "P1" | "P2" | "P3" | "P4"): Record<string, string> & { transferOut?: Record<string, string> } {
  return demoPeople[key].scenario!.expect as unknown as Record<string, string> & { transferOut?: Record<string, string> };
}
