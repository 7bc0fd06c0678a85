/**
 * Issue 13, part 2: intake of a DUPLICATE_REFUND finds the overlapping, not yet refunded months at
 * once (docs/api.md §4.1) and refuses a person who has none — through the REAL intake
 * server action the form posts to (createCaseAction), in the user's language, with nothing saved.
 *
 * Only the framework edge is replaced, as in matrix-actions.integration.test.ts: `requireUser`
 * returns the signed-in test user, `revalidatePath` is a stand-in, and `getTranslations` answers
 * in the language the test chooses. The action, the lib/cases service and the database are real.
 */
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getTranslator, type Translator } from "@/lib/i18n/translate";
import { createCase } from "@/lib/cases";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson } from "@/tests/factories/people";

const edge = vi.hoisted(() => ({ user: null as unknown, locale: "en" as "en" | "zh-CN", revalidated: [] as string[] }));

vi.mock("@/lib/auth/session", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/session")>();
  const { redirect } = await import("next/navigation");
  return {
    ...actual,
    requireUser: async () => {
      if (!edge.user) redirect("/login");
      return edge.user;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void edge.revalidated.push(p) }));
vi.mock("next-intl/server", async () => {
  const { getTranslator: translator } = await import("@/lib/i18n/translate");
  return {
    getTranslations: async (namespace?: string) => (key: string, params?: Record<string, string | number>) =>
      translator(edge.locale)(namespace ? `${namespace}.${key}` : key, params),
  };
});

const { createCaseAction } = await import("@/app/(app)/cases/actions");

let office: TestOffice;
const messages: Record<"en" | "zh-CN", Translator> = { en: getTranslator("en"), "zh-CN": getTranslator("zh-CN") };

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "受理重复" });
  edge.user = { ...office.user("caseworker1"), officeCode: office.code, officeName: "", officeNameEn: "" } as SessionUser;
});

const intakeForm = (idNumber: string) => {
  const form = new FormData();
  form.set("type", "DUPLICATE_REFUND");
  form.set("idNumber", idNumber);
  return form;
};

const casesOf = (idNumber: string) => db.case.count({ where: { person: { idNumber } } });

/** Runs the action and returns what it returned, or the path it redirected to on success. */
async function submit(form: FormData) {
  try {
    return { returned: await createCaseAction({ ok: true }, form) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirected: digest.split(";")[2] };
    throw error;
  }
}

describe("DUPLICATE_REFUND intake through the form's server action", () => {
  test("a person whose records never overlap (P2) is refused on the ID field, in the user's language, nothing saved", async () => {
    const p2 = await clonePerson("P2", { offices: { "440300": office.code } });
    for (const locale of ["zh-CN", "en"] as const) {
      edge.locale = locale;
      const t = messages[locale];
      const { returned } = await submit(intakeForm(p2.idNumber));
      expect(returned).toEqual({
        ok: false, code: "unprocessable", stale: false,
        message: t("cases.errors.notEligible.DUPLICATE_REFUND"),
        fieldErrors: { idNumber: t("cases.errors.notEligible.DUPLICATE_REFUND") },
      });
    }
    expect(await casesOf(p2.idNumber)).toBe(0);
  });

  test("P4 is taken in; once its three months are refunded, a second intake is refused before anything is saved", async () => {
    edge.locale = "en";
    const p4 = await clonePerson("P4", { offices: { "440300": office.code } });
    const first = await submit(intakeForm(p4.idNumber));
    expect(first.redirected).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    const caseId = first.redirected!.slice("/cases/".length);
    // The refund of the three flexible months, as `complete` records it (docs/rules.md §3.3).
    const flexible = await db.contributionRecord.findFirstOrThrow({ where: { person: { idNumber: p4.idNumber }, payerType: "FLEXIBLE" } });
    await db.refundedMonth.createMany({
      data: ["2024-01", "2024-02", "2024-03"].map((month) => ({ recordId: flexible.id, month, caseId, officeId: office.id, amount: "1000.00" })),
    });
    await db.case.update({ where: { id: caseId }, data: { status: "COMPLETED" } });

    const { returned } = await submit(intakeForm(p4.idNumber));
    expect(returned).toMatchObject({ ok: false, code: "unprocessable", message: messages.en("cases.errors.notEligible.DUPLICATE_REFUND") });
    expect(await casesOf(p4.idNumber)).toBe(1);
  });

  test("the service refuses the same way for every caller (the API route and the action share it)", async () => {
    const p2 = await clonePerson("P2", { offices: { "440300": office.code } });
    const r = await createCase(office.user("caseworker2"), { type: "DUPLICATE_REFUND", idNumber: p2.idNumber });
    expect(r.ok).toBe(false);
    expect(!r.ok && { code: r.error.code, key: r.error.key, issues: r.error.issues }).toEqual({
      code: "unprocessable", key: "cases.errors.notEligible.DUPLICATE_REFUND",
      issues: [{ path: "idNumber", key: "cases.errors.notEligible.DUPLICATE_REFUND" }],
    });
    expect(await casesOf(p2.idNumber)).toBe(0);
  });
});
