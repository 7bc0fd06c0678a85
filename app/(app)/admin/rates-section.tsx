"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionAlert } from "./action-alert";
import { FormDialogButton } from "./form-dialog";
import Decimal from "decimal.js";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Chip from "@mui/material/Chip";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import FormControlLabel from "@mui/material/FormControlLabel";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import type { CreditingRateRow } from "@/lib/admin/queries";
import { addCreditingRateAction, correctCreditingRateAction, type ActionResult } from "./actions";

/** What the admin page knows of a rate row: the rate as a decimal string, never a number. */
type EditableRate = CreditingRateRow;

/** "0.0262" → "2.62 %", in decimal.js (a float would print 2.6199999999999997). */
const percent = (rate: string) => `${new Decimal(rate).times(100).toString()} %`;

export function RatesSection({ rates }: { rates: EditableRate[] }) {
  const t = useTranslations("admin");
  return (
    <Box id="rates" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {t("rates")}
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        {t("ratesHelp")}
      </Alert>
      <AddRateForm />
      <Paper sx={{ overflowX: "auto" }}>
        <Table size="small" aria-label={t("rates")} data-testid="rates">
          <TableHead>
            <TableRow>
              <TableCell>{t("rateYear")}</TableCell>
              <TableCell>{t("rateScope")}</TableCell>
              <TableCell align="right">{t("rateValue")}</TableCell>
              <TableCell align="right">{t("ratePercent")}</TableCell>
              <TableCell>{t("rateStatus")}</TableCell>
              <TableCell>{t("rateSource")}</TableCell>
              <TableCell>{t("actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rates.map((r) => (
              <TableRow key={r.id} data-testid={`rate-${r.year}-${r.scope}`}>
                <TableCell>{r.year}</TableCell>
                <TableCell>{r.scope === "national" ? t("national") : r.scope}</TableCell>
                <TableCell align="right">{r.rate}</TableCell>
                <TableCell align="right">{percent(r.rate)}</TableCell>
                <TableCell>
                  <Chip size="small" color={r.provisional ? "warning" : "success"} variant="outlined" label={r.provisional ? t("rateProvisional") : t("rateFinal")} />
                </TableCell>
                <TableCell>{r.source}</TableCell>
                <TableCell>
                  <CorrectRateButton rate={r} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}

function AddRateForm() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<ActionResult, FormData>(addCreditingRateAction, { ok: true });
  const [values, setValues] = useState({ year: "", scope: "national", rate: "", source: "", reason: "" });
  const [provisional, setProvisional] = useState(false);
  const err = (name: string) => state.fieldErrors?.[name];
  const input = (name: keyof typeof values, label: string, helperText?: string, flex = "1 1 160px") => (
    <TextField name={name} label={label} size="small" value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={!!err(name)} helperText={err(name) ?? helperText} sx={{ flex }} slotProps={{ htmlInput: { "data-testid": `rate-add-${name}`, inputMode: name === "rate" ? "decimal" : undefined } }} />
  );
  return (
    <Paper component="form" action={action} noValidate sx={{ p: 2, mb: 2 }} data-testid="add-rate">
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>{t("addRate")}</Typography>
      <ActionAlert state={state} testIds={{ ok: "rate-added", error: "rate-add-error" }} />
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "flex-start" }}>
        {input("year", t("rateYear"))}
        {input("scope", t("rateScope"), t("rateScopeHelp"), "1 1 220px")}
        {input("rate", t("rateValue"), t("rateValueHelp"), "1 1 220px")}
        {input("source", t("rateSource"), undefined, "1 1 100%")}
        {input("reason", t("reason"), undefined, "1 1 320px")}
        <FormControlLabel control={<Checkbox name="provisional" checked={provisional} onChange={(e) => setProvisional(e.target.checked)} />} label={t("rateProvisionalLabel")} />
        <Button type="submit" variant="contained" disabled={pending}>{t("add")}</Button>
      </Box>
    </Paper>
  );
}

function CorrectRateButton({ rate }: { rate: EditableRate }) {
  const t = useTranslations("admin");
  const scope = rate.scope === "national" ? t("national") : rate.scope;
  return (
    <FormDialogButton label={t("correct")} title={t("correctTitle", { year: rate.year, scope })} id={`rate-${rate.id}`} testId={`correct-rate-${rate.year}-${rate.scope}`}>
      {(close) => <CorrectForm rate={rate} onClose={close} />}
    </FormDialogButton>
  );
}

function CorrectForm({ rate, onClose }: { rate: EditableRate; onClose: () => void }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<ActionResult, FormData>(correctCreditingRateAction.bind(null, rate.id), { ok: true });
  const [values, setValues] = useState({ rate: rate.rate, source: rate.source, reason: "" });
  const [provisional, setProvisional] = useState(rate.provisional);
  const err = (name: string) => state.fieldErrors?.[name];
  const input = (name: keyof typeof values, label: string, helperText?: string) => (
    <TextField name={name} label={label} size="small" fullWidth value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={!!err(name)} helperText={err(name) ?? helperText} slotProps={{ htmlInput: { "data-testid": `rate-correct-${name}` } }} />
  );
  return (
    <form action={action} noValidate>
      {/* The version the page showed: a correction made since then is refused (compare-and-set). */}
      <input type="hidden" name="version" value={rate.version} />
      <input type="hidden" name="provisionalShown" value="1" />
      <DialogContent dividers>
        <ActionAlert state={state} testIds={{ ok: "rate-saved", error: "rate-error" }} />
        <Box sx={{ display: "flex", flexDirection: "column", gap: 2 }}>
          {input("rate", t("rateValue"), t("rateValueHelp"))}
          <FormControlLabel control={<Checkbox name="provisional" value="true" checked={provisional} onChange={(e) => setProvisional(e.target.checked)} />} label={t("rateProvisionalLabel")} />
          {input("source", t("rateSource"))}
          {input("reason", t("correctReason"))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" variant="contained" disabled={pending}>{t("save")}</Button>
      </DialogActions>
    </form>
  );
}
