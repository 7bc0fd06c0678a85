"use client";
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { updateOfficeAction, type ActionResult } from "./actions";
import { ActionAlert } from "./action-alert";

/** What the admin page knows of an office (decimals as strings). */
export interface EditableOffice {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  version: number;
  address: string;
  postcode: string;
  phone: string;
  bankName: string;
  bankCode: string;
  accountName: string;
  accountNumber: string;
  approvalLimit: string;
  sla: { SURRENDER: number | null; DUPLICATE_REFUND: number | null };
}

type SlaDefaults = { SURRENDER: number; DUPLICATE_REFUND: number };

/** The "Edit" button of an office row and its dialog. Each opening starts a fresh form. */
export function OfficeEditButton({ office, slaDefaults }: { office: EditableOffice; slaDefaults: SlaDefaults }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const name = locale === "en" ? office.nameEn : office.name;
  const [session, setSession] = useState(0);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        aria-label={t("editTitle", { code: office.code, name })}
        data-testid={`edit-office-${office.code}`}
        onClick={() => {
          setSession((s) => s + 1);
          setOpen(true);
        }}
      >
        {t("edit")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`office-dialog-${office.code}`} fullWidth maxWidth="md">
        <DialogTitle id={`office-dialog-${office.code}`}>{t("editTitle", { code: office.code, name })}</DialogTitle>
        {open && <OfficeForm key={session} office={office} slaDefaults={slaDefaults} onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

type Values = Record<"address" | "postcode" | "phone" | "bankName" | "bankCode" | "accountName" | "accountNumber" | "approvalLimit" | "sla.SURRENDER" | "sla.DUPLICATE_REFUND" | "reason", string>;

const valuesOf = (o: EditableOffice): Values => ({
  address: o.address, postcode: o.postcode, phone: o.phone,
  bankName: o.bankName, bankCode: o.bankCode, accountName: o.accountName, accountNumber: o.accountNumber,
  approvalLimit: o.approvalLimit,
  "sla.SURRENDER": o.sla.SURRENDER === null ? "" : String(o.sla.SURRENDER),
  "sla.DUPLICATE_REFUND": o.sla.DUPLICATE_REFUND === null ? "" : String(o.sla.DUPLICATE_REFUND),
  reason: "",
});

function OfficeForm({ office, slaDefaults, onClose }: { office: EditableOffice; slaDefaults: SlaDefaults; onClose: () => void }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<ActionResult, FormData>(updateOfficeAction.bind(null, office.id), { ok: true });
  // Controlled fields: a refused form keeps what the user typed (React resets uncontrolled ones).
  const [values, setValues] = useState<Values>(() => valuesOf(office));
  const err = (name: string) => state.fieldErrors?.[name];
  const input = (name: keyof Values, label: string, extra: { helperText?: string; inputMode?: "numeric" | "decimal" | "tel"; wide?: boolean } = {}) => (
    <TextField
      name={name}
      label={label}
      size="small"
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={!!err(name)}
      helperText={err(name) ?? extra.helperText}
      sx={{ flex: extra.wide ? "1 1 100%" : "1 1 240px" }}
      slotProps={{ htmlInput: { inputMode: extra.inputMode, "data-testid": `office-${name}` } }}
    />
  );
  const section = (title: string) => (
    <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1 }}>
      {title}
    </Typography>
  );
  return (
    <form action={action} noValidate>
      {/* The version the page showed: the server refuses the save if the office changed since. */}
      <input type="hidden" name="version" value={office.version} />
      <DialogContent dividers>
        <ActionAlert state={state} testIds={{ ok: "office-saved", error: "office-error" }} />
        {section(t("contactSection"))}
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
          {input("address", t("fields.address"), { wide: true })}
          {input("postcode", t("fields.postcode"), { inputMode: "numeric" })}
          {input("phone", t("fields.phone"), { inputMode: "tel" })}
        </Box>
        {section(t("bankSection"))}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t("bankHelp")}
        </Typography>
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
          {input("bankName", t("fields.bankName"))}
          {input("bankCode", t("fields.bankCode"), { inputMode: "numeric" })}
          {input("accountName", t("fields.accountName"))}
          {input("accountNumber", t("fields.accountNumber"), { inputMode: "numeric" })}
        </Box>
        {section(t("limitSection"))}
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
          {input("approvalLimit", t("fields.approvalLimit"), { inputMode: "decimal", helperText: t("approvalLimitHelp") })}
        </Box>
        {section(t("slaSection"))}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t("slaHelp")}
        </Typography>
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
          {input("sla.SURRENDER", t("fields.slaSURRENDER"), { inputMode: "numeric", helperText: t("slaDefault", { days: slaDefaults.SURRENDER }) })}
          {input("sla.DUPLICATE_REFUND", t("fields.slaDUPLICATE_REFUND"), { inputMode: "numeric", helperText: t("slaDefault", { days: slaDefaults.DUPLICATE_REFUND }) })}
        </Box>
        <Alert severity="info" sx={{ mt: 2 }} data-testid="sla-national">
          {t("slaNationalNote")}
        </Alert>
        <Box sx={{ display: "flex", mt: 2 }}>{input("reason", t("reason"), { wide: true })}</Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" variant="contained" disabled={pending}>
          {t("save")}
        </Button>
      </DialogActions>
    </form>
  );
}
