"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { drawSampleAction, type ActionResult } from "../actions";

interface Staff {
  id: string;
  name: string;
  role: string;
}

/** Criteria of a sample: percentage, minimum amount, caseworker, type, decision period, reviewer. */
export function DrawSampleForm({ caseworkers, reviewers, types }: { caseworkers: Staff[]; reviewers: Staff[]; types: string[] }) {
  const t = useTranslations("supervision.samples");
  const tc = useTranslations("case");
  const tr = useTranslations("shell.roles");
  const [state, action, pending] = useActionState<ActionResult, FormData>(drawSampleAction, { ok: true });
  const err = (name: string) => state.fieldErrors?.[name];
  const field = { size: "small" as const, sx: { minWidth: 180 } };
  return (
    <Paper component="form" action={action} aria-labelledby="draw-title" sx={{ p: 2, mb: 2 }} noValidate>
      <Typography id="draw-title" variant="h6" component="h2" gutterBottom>
        {t("draw")}
      </Typography>
      {state.message && !state.ok && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="form-error">
          {state.message}
        </Alert>
      )}
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
        <TextField name="percentage" label={t("percentage")} defaultValue="10" required {...field}
          error={!!err("percentage")} helperText={err("percentage")} slotProps={{ htmlInput: { inputMode: "decimal" } }} />
        <TextField name="minAmount" label={t("minAmount")} {...field} error={!!err("minAmount")} helperText={err("minAmount")}
          slotProps={{ htmlInput: { inputMode: "decimal" } }} />
        <TextField select name="type" label={t("type")} defaultValue="" {...field}>
          <MenuItem value="">{t("any")}</MenuItem>
          {types.map((c) => (
            <MenuItem key={c} value={c}>{tc(`types.${c}`)}</MenuItem>
          ))}
        </TextField>
        <TextField select name="caseworkerId" label={t("caseworker")} defaultValue="" {...field} error={!!err("caseworkerId")} helperText={err("caseworkerId")}>
          <MenuItem value="">{t("any")}</MenuItem>
          {caseworkers.map((u) => (
            <MenuItem key={u.id} value={u.id}>{u.name} · {tr(u.role)}</MenuItem>
          ))}
        </TextField>
        <TextField type="date" name="from" label={t("from")} {...field} slotProps={{ inputLabel: { shrink: true } }} error={!!err("from")} helperText={err("from")} />
        <TextField type="date" name="to" label={t("to")} {...field} slotProps={{ inputLabel: { shrink: true } }} error={!!err("to")} helperText={err("to")} />
        <TextField select name="reviewerId" label={t("reviewer")} defaultValue="" {...field} error={!!err("reviewerId")} helperText={err("reviewerId")}>
          <MenuItem value="">{t("anyReviewer")}</MenuItem>
          {reviewers.map((u) => (
            <MenuItem key={u.id} value={u.id}>{u.name} · {tr(u.role)}</MenuItem>
          ))}
        </TextField>
        <TextField name="note" label={t("note")} {...field} sx={{ minWidth: 280 }} slotProps={{ htmlInput: { maxLength: 500 } }} />
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ my: 1 }}>
        {t("drawHelp")}
      </Typography>
      <Button type="submit" variant="contained" disabled={pending}>
        {t("drawButton")}
      </Button>
    </Paper>
  );
}
