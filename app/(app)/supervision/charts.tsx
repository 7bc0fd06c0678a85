"use client";
import { useTranslations } from "next-intl";
import { BarChart } from "@mui/x-charts/BarChart";
import { LineChart } from "@mui/x-charts/LineChart";
import Typography from "@mui/material/Typography";

/**
 * The dashboard's charts (MUI X Charts). Data arrive aggregated by lib/supervision/dashboard.ts;
 * amounts arrive as decimal strings and become numbers here only to be plotted — the labels and
 * the tooltip print the exact strings.
 */
const HEIGHT = 280;
const types = ["SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN", "TRANSFER_OUT"] as const;
const openStatuses = ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "APPROVED", "AWAITING_FUNDS", "FUNDS_RECEIVED", "RETURNED"] as const;

/** A count axis from zero, whole ticks; an all-zero chart still gets a 0–1 scale, not "0.0…". */
function countAxis(values: number[], extra: Record<string, unknown> = {}) {
  return [{ min: 0, tickMinStep: 1, ...(Math.max(0, ...values) === 0 ? { max: 1 } : {}), ...extra }];
}

function Empty({ show }: { show: boolean }) {
  const t = useTranslations("supervision.dashboard");
  return show ? <Typography variant="body2" color="text.secondary">{t("noData")}</Typography> : null;
}

export function OpenCasesChart({ rows }: { rows: Array<{ status: string; type: string; count: number }> }) {
  const tc = useTranslations("case");
  const count = (status: string, type: string) => rows.find((r) => r.status === status && r.type === type)?.count ?? 0;
  return (
    <>
      <Empty show={rows.length === 0} />
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: "band", data: openStatuses.map((s) => tc(`statuses.${s}`)) }]}
        yAxis={countAxis(rows.map((r) => r.count))}
        series={types.map((type) => ({ label: tc(`types.${type}`), stack: "open", data: openStatuses.map((s) => count(s, type)) }))}
      />
    </>
  );
}

export function DueChart({ rows }: { rows: Array<{ type: string; overdue: number; dueSoon: number }> }) {
  const t = useTranslations("supervision.dashboard");
  const tc = useTranslations("case");
  const of = (type: string) => rows.find((r) => r.type === type);
  return (
    <BarChart
      height={HEIGHT}
      xAxis={[{ scaleType: "band", data: types.map((type) => tc(`types.${type}`)) }]}
      yAxis={countAxis(rows.flatMap((r) => [r.overdue, r.dueSoon]))}
      series={[
        { label: t("overdue"), data: types.map((type) => of(type)?.overdue ?? 0), color: "#c62828" },
        { label: t("dueSoon"), data: types.map((type) => of(type)?.dueSoon ?? 0), color: "#ef6c00" },
      ]}
    />
  );
}

export function ThroughputChart({ rows }: { rows: Array<{ week: string; completed: number }> }) {
  const t = useTranslations("supervision.dashboard");
  return (
    <LineChart
      height={HEIGHT}
      xAxis={[{ scaleType: "point", data: rows.map((r) => r.week) }]}
      yAxis={countAxis(rows.map((r) => r.completed))}
      series={[{ label: t("completedPerWeek"), data: rows.map((r) => r.completed) }]}
    />
  );
}

export function AmountsChart({ rows }: { rows: Array<{ month: string; kind: string; amount: string }> }) {
  const t = useTranslations("supervision.dashboard");
  const months = [...new Set(rows.map((r) => r.month))];
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const exact = (month: string, kind: string) => rows.find((r) => r.month === month && r.kind === kind)?.amount ?? "0.00";
  return (
    <BarChart
      height={HEIGHT}
      xAxis={[{ scaleType: "band", data: months }]}
      yAxis={countAxis(rows.map((r) => Number(r.amount)), { label: t("yuan"), width: 80, tickMinStep: undefined })}
      series={kinds.map((kind) => ({
        label: t(`paymentKinds.${kind}`),
        stack: "paid",
        // Plotting only: the tooltip shows the exact decimal string of that month.
        data: months.map((m) => Number(exact(m, kind))),
        valueFormatter: (_value: number | null, { dataIndex }: { dataIndex: number }) => `¥${exact(months[dataIndex], kind)}`,
      }))}
    />
  );
}

export function SlaChart({ rows }: { rows: Array<{ type: string; leg: number; total: number; within: number }> }) {
  const t = useTranslations("supervision.dashboard");
  const tc = useTranslations("case");
  return (
    <>
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: "band", data: rows.map((r) => t("legLabel", { type: tc(`types.${r.type}`), leg: r.leg })) }]}
        yAxis={[{ min: 0, max: 100, label: "%" }]}
        series={[{ label: t("onTimeShare"), data: rows.map((r) => (r.total ? Math.round((1000 * r.within) / r.total) / 10 : 0)) }]}
      />
    </>
  );
}

export function WorkloadChart({ rows }: { rows: Array<{ name: string; open: number; overdue: number }> }) {
  const t = useTranslations("supervision.dashboard");
  return (
    <BarChart
      height={Math.max(HEIGHT, 40 * rows.length + 80)}
      layout="horizontal"
      yAxis={[{ scaleType: "band", data: rows.map((r) => r.name), width: 90 }]}
      xAxis={countAxis(rows.map((r) => r.open))}
      series={[
        { label: t("openCases"), data: rows.map((r) => r.open) },
        { label: t("overdue"), data: rows.map((r) => r.overdue), color: "#c62828" },
      ]}
    />
  );
}
