import { getTranslations } from "next-intl/server";
import Alert from "@mui/material/Alert";
import { CaseDataError } from "@/lib/cases";

/**
 * Loads a case view; a case whose stored data does not parse (CaseDataError, already logged with
 * the case id) becomes a page that says so in the user's language instead of a crash.
 */
export async function readCaseView<T>(load: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; page: React.ReactElement }> {
  try {
    return { ok: true, value: await load };
  } catch (error) {
    if (!(error instanceof CaseDataError)) throw error;
    const t = await getTranslations("cases.errors");
    return {
      ok: false,
      page: <Alert severity="error" role="alert" data-testid="case-data-error">{t("unreadableData", { caseId: error.caseId })}</Alert>,
    };
  }
}
