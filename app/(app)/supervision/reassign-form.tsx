"use client";
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { CaseTable, type CaseRow } from "@/components/case-table";
import { reassignAction } from "../cases/actions";

/**
 * The case list for supervisors: tick any number of cases, pick the new assignee, give a reason,
 * reassign them all at once (lib/cases/reassign-cases.ts: all or nothing, one event per case).
 */
export function ReassignableCaseTable({ rows, label, staff }: { rows: CaseRow[]; label: string; staff: Array<{ id: string; name: string; role: string }> }) {
  const t = useTranslations("supervision.reassign");
  const tr = useTranslations("shell.roles");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [assigneeId, setAssigneeId] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ severity: "error" | "success"; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const caseIds = new FormData(event.currentTarget).getAll("caseIds").map(String);
    const local: Record<string, string> = {};
    if (caseIds.length === 0) local.caseIds = t("noneSelected");
    if (!assigneeId) local.assigneeId = t("assigneeRequired");
    if (!reason.trim()) local.reason = t("reasonRequired");
    setErrors(local);
    if (Object.keys(local).length) return;
    start(async () => {
      const result = await reassignAction({ caseIds, assigneeId, reason: reason.trim() });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ severity: "error", text: result.message ?? "" });
        return;
      }
      setMessage({ severity: "success", text: t("done", { count: caseIds.length }) });
      setReason("");
      form.current?.reset();
      router.refresh();
    });
  }

  return (
    <Box component="form" ref={form} onSubmit={submit} aria-label={t("label")}>
      <Box sx={{ display: "flex", gap: 2, alignItems: "flex-start", flexWrap: "wrap", p: 2 }} data-testid="reassign-bar">
        <TextField select size="small" label={t("assignee")} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}
          sx={{ minWidth: 200 }} error={!!errors.assigneeId} helperText={errors.assigneeId} name="assigneeId">
          {staff.map((u) => (
            <MenuItem key={u.id} value={u.id}>{u.name} · {tr(u.role)}</MenuItem>
          ))}
        </TextField>
        <TextField size="small" label={t("reason")} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ minWidth: 320 }}
          error={!!errors.reason} helperText={errors.reason} name="reason" slotProps={{ htmlInput: { maxLength: 2000 } }} />
        <Button type="submit" variant="contained" disabled={pending}>{t("submit")}</Button>
        {errors.caseIds && <Alert severity="warning">{errors.caseIds}</Alert>}
        {message && <Alert severity={message.severity} role={message.severity === "error" ? "alert" : "status"}>{message.text}</Alert>}
      </Box>
      <CaseTable rows={rows} label={label} selectable={{ name: "caseIds" }} />
    </Box>
  );
}
