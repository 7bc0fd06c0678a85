"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import type { ActionResult } from "../../../actions";

type BoundAction = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

function Feedback({ state }: { state: ActionResult }) {
  if (!state.message || state.ok) return null;
  return (
    <Alert severity="error" role="alert" data-testid="form-error">
      {state.message}
    </Alert>
  );
}

/** The reviewer's own decision, made without seeing the original: grant (with amount) or reject. */
export function ReviewForm({ action }: { action: BoundAction }) {
  const t = useTranslations("supervision.review");
  const [state, submit, pending] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [decision, setDecision] = useState("GRANT");
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <Stack component="form" action={submit} spacing={2} sx={{ maxWidth: 560 }} noValidate aria-label={t("yourDecision")}>
      <Feedback state={state} />
      <TextField select name="decision" label={t("decision")} value={decision} onChange={(e) => setDecision(e.target.value)} size="small">
        <MenuItem value="GRANT">{t("decisions.GRANT")}</MenuItem>
        <MenuItem value="REJECT">{t("decisions.REJECT")}</MenuItem>
      </TextField>
      {decision === "GRANT" && (
        <TextField name="amount" label={t("amount")} size="small" required error={!!err("amount")} helperText={err("amount")}
          slotProps={{ htmlInput: { inputMode: "decimal" } }} />
      )}
      <TextField name="note" label={t("note")} size="small" multiline minRows={2} required error={!!err("note")} helperText={err("note")}
        slotProps={{ htmlInput: { maxLength: 2000 } }} />
      <Button type="submit" variant="contained" disabled={pending}>
        {t("record")}
      </Button>
    </Stack>
  );
}

/** A finding on the reviewed case; supervisors may open a correction case with it. */
export function FindingForm({ action, mayCorrect }: { action: BoundAction; mayCorrect: boolean }) {
  const t = useTranslations("supervision.review");
  const [state, submit, pending] = useActionState<ActionResult, FormData>(action, { ok: true });
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <Stack component="form" action={submit} spacing={2} sx={{ maxWidth: 560 }} noValidate aria-label={t("newFinding")}>
      <Feedback state={state} />
      <TextField select name="severity" label={t("severity")} defaultValue="MINOR" size="small">
        {["INFO", "MINOR", "MAJOR"].map((s) => (
          <MenuItem key={s} value={s}>{t(`severities.${s}`)}</MenuItem>
        ))}
      </TextField>
      <TextField name="text" label={t("findingText")} size="small" multiline minRows={2} required error={!!err("text")} helperText={err("text")}
        slotProps={{ htmlInput: { maxLength: 4000 } }} />
      {mayCorrect && <FormControlLabel control={<Checkbox name="openCorrection" />} label={t("openCorrection")} />}
      <Button type="submit" variant="contained" disabled={pending}>
        {t("recordFinding")}
      </Button>
    </Stack>
  );
}
