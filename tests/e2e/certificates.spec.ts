import { expect, test, type APIResponse } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import { decodeQr, pdfPageCount, pdfText } from "../factories/pdf";
import { demoPeople, signIn } from "./helpers";

const P1 = demoPeople.P1;
const P5 = demoPeople.P5;

async function pdfBody(response: APIResponse): Promise<Buffer> {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  return response.body();
}

test("caseworker1 issues a certificate for P1; its verification page, signed out, says valid", async ({ page, browser, baseURL }) => {
  await signIn(page, "caseworker1");
  await page.goto("/people");
  await page.getByLabel(en.people.searchLabel).fill(P1.idNumber);
  await page.getByRole("button", { name: en.people.search, exact: true }).click();
  await page.getByRole("link", { name: P1.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(P1.name);

  await page.getByRole("button", { name: en.certificates.issue }).click();
  const result = page.getByTestId("issue-result");
  await expect(result).toHaveAttribute("data-serial", /^440300-\d{4}-\d{6}$/);
  const serial = (await result.getAttribute("data-serial"))!;

  // The PDF: Chinese name, ID number and serial as text, one page, one subset font.
  const pdf = await pdfBody(await page.request.get((await page.getByTestId("issued-pdf").getAttribute("href"))!));
  const text = await pdfText(pdf);
  expect(text).toContain(P1.name);
  expect(text).toContain(P1.idNumber);
  expect(text).toContain(serial);
  expect(await pdfPageCount(pdf)).toBe(1);
  const code = /核验码[\s\S]*?([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec(text)?.[1];
  expect(code).toBeTruthy();
  // The QR code opens this page (with the signed payload appended).
  expect(text).toContain(`/verify/${code!.replace(/-/g, "")}`);

  const anonymous = await browser.newContext({ baseURL, locale: "en-US" });
  const publicPage = await anonymous.newPage();
  await publicPage.goto(`/verify/${code!.replace(/-/g, "")}`);
  await expect(publicPage).not.toHaveURL(/\/login/);
  await expect(publicPage.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
  await expect(publicPage.getByTestId("verify-status")).toContainText(en.verify.status.valid);
  await expect(publicPage.getByText(serial)).toBeVisible();
  await expect(publicPage.getByText("440305********1236")).toBeVisible();
  await expect(publicPage.getByText(P1.idNumber)).toHaveCount(0);
  // The public key is published without login, and the JSON check answers too.
  const key = await anonymous.request.get("/.well-known/jingban-signing-key");
  expect(key.status()).toBe(200);
  expect(await key.text()).toContain("BEGIN PUBLIC KEY");
  const check = await anonymous.request.get(`/api/v1/verify/${code!.replace(/-/g, "")}`);
  expect(await check.json()).toMatchObject({ status: "valid", serial, idNumber: "440305********1236" });
  // Scanning the printed QR code (read off the rendered page) opens the same page with the
  // signed payload, and the page says the signature is genuine.
  const scanned = await decodeQr(pdf, 1);
  expect(scanned).toMatch(new RegExp(`^${baseURL}/verify/${code!.replace(/-/g, "")}\\?p=[\\w-]+&s=[\\w-]+$`));
  await publicPage.goto(scanned!);
  await expect(publicPage.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
  await expect(publicPage.getByText(serial)).toBeVisible();
  await expect(publicPage.getByTestId("verify-signature")).toHaveText(en.verify.signature.valid);
  await anonymous.close();

  // The list shows it, with its status.
  await page.goto("/certificates");
  await expect(page.locator(`[data-testid="certificate-row"][data-serial="${serial}"]`)).toContainText(en.certificates.statuses.VALID);
});

test("caseworker3 batch-prints 200 certificates into one PDF of 200 pages", async ({ page }) => {
  test.setTimeout(420_000);
  await signIn(page, "caseworker3");
  // 200 certificates for P5 through the API with the browser's session.
  for (let i = 0; i < 200; i++) {
    const response = await page.request.post("/api/v1/certificates", { data: { idNumber: P5.idNumber } });
    expect(response.status()).toBe(201);
  }
  await page.goto("/certificates");
  await page.getByRole("link", { name: en.certificates.issuedToday }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  // Only certificates: today's cases may have issued letters in this office too (a contact
  // letter when a transfer-in was approved), and those belong to other batches.
  await page.goto(`${page.url()}&kind=CERTIFICATE`);
  await expect(page.getByTestId("certificate-row")).toHaveCount(50);

  await page.getByRole("button", { name: en.certificates.batch.start }).click();
  const progress = page.getByTestId("batch-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 300_000 });
  await expect(page.getByTestId("batch-status")).toHaveAttribute("data-status", "DONE");
  const href = await page.getByTestId("batch-download").getAttribute("href");
  expect(await pdfPageCount(await pdfBody(await page.request.get(href!)))).toBe(200);
});
