"use client";
import Chip from "@mui/material/Chip";
import { useTranslations } from "next-intl";

// Light backgrounds with dark text: readable (WCAG AA) and distinguishable without colour too,
// because the label always says the status.
const tones: Record<string, { bg: string; fg: string }> = {
  DRAFT: { bg: "#eceff1", fg: "#263238" },
  SUBMITTED: { bg: "#e3f2fd", fg: "#0d3c61" },
  IN_REVIEW: { bg: "#e8eaf6", fg: "#1a237e" },
  PENDING_APPROVAL: { bg: "#fff3e0", fg: "#663c00" },
  APPROVED: { bg: "#e0f2f1", fg: "#004d40" },
  AWAITING_FUNDS: { bg: "#f3e5f5", fg: "#4a148c" },
  FUNDS_RECEIVED: { bg: "#ede7f6", fg: "#311b92" },
  COMPLETED: { bg: "#e8f5e9", fg: "#1b5e20" },
  RETURNED: { bg: "#fffde7", fg: "#5d4400" },
  REJECTED: { bg: "#ffebee", fg: "#8e0000" },
  WITHDRAWN: { bg: "#f5f5f5", fg: "#424242" },
  overdue: { bg: "#ffebee", fg: "#8e0000" },
  "due-soon": { bg: "#fff3e0", fg: "#663c00" },
  "on-time": { bg: "#e8f5e9", fg: "#1b5e20" },
  paused: { bg: "#f5f5f5", fg: "#424242" },
};

export function StatusChip({ status }: { status: string }) {
  const t = useTranslations("case.statuses");
  const tone = tones[status] ?? tones.DRAFT;
  return <Chip size="small" label={t(status)} sx={{ bgcolor: tone.bg, color: tone.fg, fontWeight: 600 }} data-status={status} />;
}

export function DueChip({ dueDate, dueStatus, paused }: { dueDate: string | null; dueStatus: string | null; paused?: boolean }) {
  const t = useTranslations("case.due");
  const key = paused ? "paused" : dueStatus;
  if (!key) return <>{dueDate ?? "—"}</>;
  const tone = tones[key];
  return (
    <Chip
      size="small"
      label={dueDate ? `${dueDate} · ${t(key)}` : t(key)}
      sx={{ bgcolor: tone.bg, color: tone.fg, fontWeight: key === "overdue" ? 700 : 500 }}
      data-due={key}
    />
  );
}
