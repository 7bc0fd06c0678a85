"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { createCaseAction, type ActionResult } from "../actions";

interface Payee {
  name: string;
  idNumber: string;
  relationship: string;
}

export function IntakeForm(props: { grounds: string[]; relationships: string[]; initialType: string; initialIdNumber: string }) {
  const t = useTranslations("intake");
  const tc = useTranslations("case");
  const [state, action, pending] = useActionState<ActionResult, FormData>(createCaseAction, { ok: true });
  const [type, setType] = useState(props.initialType);
  const [ground, setGround] = useState("emigration-nationality-lost");
  const [payees, setPayees] = useState<Payee[]>([{ name: "", idNumber: "", relationship: "child" }]);
  // Every field keeps its value in state: React resets a form after its action has run, and a
  // refused intake must keep what was typed so that it can be corrected.
  const [fields, setFields] = useState({ idNumber: props.initialIdNumber, terminationMonth: "", fromOffice: "", transferMonth: "" });
  const [filedByAgent, setFiledByAgent] = useState(false);
  // The reset goes back to the checkbox's defaultChecked, which React does not keep in step with
  // a controlled `checked`: keep it so by hand.
  const agentRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (agentRef.current) agentRef.current.defaultChecked = filedByAgent;
  }, [filedByAgent]);
  const field = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });
  const err = (name: string) => state.fieldErrors?.[name];
  const payeeErr = (i: number, f: string) => err(`payees.${i}.${f}`);

  return (
    <Paper component="form" action={action} sx={{ p: 3, maxWidth: 760 }} noValidate>
      <Stack spacing={2}>
        {state.message && !state.ok && (
          <Alert severity="error" role="alert" data-testid="form-error">
            {state.message}
          </Alert>
        )}
        <TextField select name="type" label={t("type")} value={type} onChange={(e) => setType(e.target.value)} required>
          {["SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN"].map((c) => (
            <MenuItem key={c} value={c}>
              {tc(`types.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field("idNumber")}
          label={t("idNumber")}
          required
          error={!!err("idNumber")}
          helperText={err("idNumber")}
          slotProps={{ htmlInput: { maxLength: 18, autoComplete: "off", spellCheck: false } }}
        />
        {type === "SURRENDER" && (
          <>
            <TextField
              select
              name="ground"
              label={t("ground")}
              value={ground}
              onChange={(e) => setGround(e.target.value)}
              error={!!err("ground")}
              helperText={err("ground") ?? t("groundHelp")}
            >
              {props.grounds.map((g) => (
                <MenuItem key={g} value={g}>
                  {tc(`grounds.${g}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              {...field("terminationMonth")}
              label={t("terminationMonth")}
              placeholder="2024-06"
              required
              error={!!err("terminationMonth")}
              helperText={err("terminationMonth")}
              slotProps={{ htmlInput: { maxLength: 7 } }}
            />
            <FormControlLabel
              control={<Checkbox
                  name="filedByAgent"
                  checked={filedByAgent}
                  onChange={(e) => setFiledByAgent(e.target.checked)}
                  slotProps={{ input: { ref: agentRef } }}
                />}
              label={t("filedByAgent")}
            />
            {ground === "death" && (
              <Box component="fieldset" sx={{ border: 1, borderColor: "divider", borderRadius: 1, p: 2 }}>
                <Typography component="legend" sx={{ px: 1 }}>
                  {t("payees")}
                </Typography>
                {err("payees") && <Alert severity="error">{err("payees")}</Alert>}
                <input type="hidden" name="payees" value={JSON.stringify(payees)} />
                {payees.map((p, i) => (
                  <Stack key={i} direction={{ xs: "column", sm: "row" }} spacing={1} sx={{ mt: 1 }}>
                    <TextField
                      label={t("payeeName")}
                      value={p.name}
                      onChange={(e) => setPayees(payees.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                      error={!!payeeErr(i, "name")}
                      helperText={payeeErr(i, "name")}
                      size="small"
                      slotProps={{ htmlInput: { maxLength: 50 } }}
                    />
                    <TextField
                      label={t("payeeIdNumber")}
                      value={p.idNumber}
                      onChange={(e) => setPayees(payees.map((x, j) => (j === i ? { ...x, idNumber: e.target.value } : x)))}
                      error={!!payeeErr(i, "idNumber")}
                      helperText={payeeErr(i, "idNumber")}
                      size="small"
                      slotProps={{ htmlInput: { maxLength: 18 } }}
                    />
                    <TextField
                      select
                      label={t("payeeRelationship")}
                      value={p.relationship}
                      onChange={(e) => setPayees(payees.map((x, j) => (j === i ? { ...x, relationship: e.target.value } : x)))}
                      size="small"
                      sx={{ minWidth: 140 }}
                    >
                      {props.relationships.map((r) => (
                        <MenuItem key={r} value={r}>
                          {tc(`relationships.${r}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                    {payees.length > 1 && (
                      <Button onClick={() => setPayees(payees.filter((_, j) => j !== i))}>{t("removePayee")}</Button>
                    )}
                  </Stack>
                ))}
                <Button sx={{ mt: 1 }} onClick={() => setPayees([...payees, { name: "", idNumber: "", relationship: "child" }])}>
                  {t("addPayee")}
                </Button>
              </Box>
            )}
          </>
        )}
        {type === "DUPLICATE_REFUND" && <Alert severity="info">{t("duplicateHelp")}</Alert>}
        {type === "TRANSFER_IN" && (
          <>
            <Alert severity="info">{t("transferHelp")}</Alert>
            <TextField
              {...field("fromOffice")}
              label={t("fromOffice")}
              required
              error={!!err("fromOffice")}
              helperText={err("fromOffice")}
              slotProps={{ htmlInput: { maxLength: 6, inputMode: "numeric" } }}
            />
            <TextField
              {...field("transferMonth")}
              label={t("transferMonth")}
              error={!!err("transferMonth")}
              helperText={err("transferMonth")}
              slotProps={{ htmlInput: { maxLength: 7 } }}
            />
          </>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}
