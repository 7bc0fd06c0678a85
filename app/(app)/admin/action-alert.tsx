"use client";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import type { ActionResult } from "../action-result";

/**
 * What a server action answered its form: success as a status, a refusal as an alert, and a
 * reload button when the page was stale. `testIds` name the two for the e2e journeys.
 */
export function ActionAlert({ state, testIds }: { state: ActionResult; testIds: { ok: string; error: string } }) {
  const t = useTranslations("admin");
  if (!state.message) return null;
  return (
    <Alert
      severity={state.ok ? "success" : "error"}
      role={state.ok ? "status" : "alert"}
      data-testid={state.ok ? testIds.ok : testIds.error}
      sx={{ mb: 2 }}
      action={state.stale ? <Button color="inherit" size="small" onClick={() => window.location.reload()}>{t("reload")}</Button> : undefined}
    >
      {state.message}
    </Alert>
  );
}
