"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import type { ActionResult } from "@/lib/service/action-result";

export interface AvailableAction {
  action: string;
  to: string;
  reason?: "required" | "optional";
  data?: readonly string[];
}

type Transition = (input: { action: string; version: number; reason?: string; data?: Record<string, string> }) => Promise<ActionResult>;

/**
 * Exactly the actions the user may take now (from the workflow table), each confirmed in a
 * dialog; return and reject require a reason. A stale page gets "someone else changed this case".
 */
export function CaseActions(props: { caseNumber: string; status: string; version: number; actions: AvailableAction[]; transition: Transition }) {
  const t = useTranslations("casePage");
  const ta = useTranslations("case.actions");
  const ts = useTranslations("case.statuses");
  const router = useRouter();
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const [reason, setReason] = useState("");
  const [data, setData] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ severity: "error" | "success"; text: string; stale?: boolean } | null>(null);
  const [pending, start] = useTransition();

  if (props.actions.length === 0) return <p>{t("noActions")}</p>;

  function confirm() {
    if (!open) return;
    if (open.reason === "required" && !reason.trim()) {
      setErrors({ reason: t("reasonRequired") });
      return;
    }
    start(async () => {
      const result = await props.transition({
        action: open.action,
        version: props.version,
        reason: reason.trim() || undefined,
        data: Object.keys(data).length ? data : undefined,
      });
      if (result.ok) {
        setOpen(null);
        setMessage({ severity: "success", text: t("done") });
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      const stale = !!result.stale;
      if (!result.fieldErrors || Object.keys(result.fieldErrors).length === 0) {
        setOpen(null);
        setMessage({ severity: "error", text: result.message ?? "", stale });
      }
    });
  }

  return (
    <>
      {message && (
        <Alert
          severity={message.severity}
          role={message.severity === "error" ? "alert" : "status"}
          sx={{ mb: 2 }}
          data-testid="action-message"
          action={message.stale ? <Button color="inherit" onClick={() => window.location.reload()}>{t("reload")}</Button> : undefined}
        >
          {message.text}
        </Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
        {props.actions.map((a) => (
          <Button
            key={a.action}
            variant={a.action === "reject" || a.action === "withdraw" || a.action === "return" ? "outlined" : "contained"}
            color={a.action === "reject" ? "secondary" : "primary"}
            data-action={a.action}
            onClick={() => {
              setOpen(a);
              setReason("");
              setData({});
              setErrors({});
            }}
          >
            {ta(a.action)}
          </Button>
        ))}
      </Stack>
      <Dialog open={!!open} onClose={() => setOpen(null)} aria-labelledby="confirm-title" fullWidth maxWidth="sm">
        {open && (
          <>
            <DialogTitle id="confirm-title">{t("confirmTitle", { action: ta(open.action) })}</DialogTitle>
            <DialogContent>
              <DialogContentText sx={{ mb: 2 }}>
                {t("confirmText", { caseNumber: props.caseNumber, from: ts(props.status), to: ts(open.to) })}
              </DialogContentText>
              <Stack spacing={2}>
                {(open.data ?? []).map((field) => (
                  <TextField
                    key={field}
                    name={field}
                    label={t(field)}
                    required
                    autoFocus
                    value={data[field] ?? ""}
                    onChange={(e) => setData({ ...data, [field]: e.target.value })}
                    error={!!errors[`data.${field}`]}
                    helperText={errors[`data.${field}`]}
                    slotProps={{ htmlInput: { maxLength: 64 } }}
                  />
                ))}
                {open.reason && (
                  <TextField
                    name="reason"
                    label={open.action === "reject" ? t("rejectReason") : t("reason")}
                    required={open.reason === "required"}
                    multiline
                    minRows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    error={!!errors.reason}
                    helperText={errors.reason}
                    slotProps={{ htmlInput: { maxLength: 2000 } }}
                  />
                )}
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(null)}>{t("cancel")}</Button>
              <Button onClick={confirm} variant="contained" disabled={pending} data-testid="confirm-action">
                {t("confirm")}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
