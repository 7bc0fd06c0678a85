"use client";
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import type { OfficeRow } from "@/lib/admin/queries";
import type { LocalSlaType } from "@/lib/admin/schemas";
import { updateOfficeAction, type ActionResult } from "./actions";
import { ActionAlert } from "./action-alert";
import { FormDialogButton } from "./form-dialog";

/** What the dialog needs of an office row of the admin page (decimals as strings). */
type EditableOffice = Pick<OfficeRow, "id" | "code" | "name" | "nameEn" | "version" | "approvalLimit" | "sla" | EditableField>;
type EditableField = "address" | "postcode" | "phone" | "bankName" | "bankCode" | "accountName" | "accountNumber";

type SlaDefaults = Record<LocalSlaType, number>;

/** The "Edit" button of an office row and its dialog. Each opening starts a fresh form. */
export function OfficeEditButton({ office, slaDefaults }: { office: EditableOffice; slaDefaults: SlaDefaults }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const title = t("editTitle", { code: office.code, name: locale === "en" ? office.nameEn : office.name });
  return (
    <FormDialogButton label={t("edit")} title={title} ariaLabel={title} id={`office-dialog-${office.code}`} testId={`edit-office-${office.code}`} maxWidth="md">
      {(close) => <OfficeForm office={office} slaDefaults={slaDefaults} onClose={close} />}
    </FormDialogButton>
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
