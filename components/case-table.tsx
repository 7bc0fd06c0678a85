"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { DueChip, StatusChip } from "./status-chip";

export interface CaseRow {
  id: string;
  caseNumber: string;
  type: string;
  status: string;
  person: { name: string; idNumber: string };
  assignee: { name: string } | null;
  dueDate: string | null;
  dueStatus: string | null;
  amount: string | null;
  createdAt: string;
}

/** The case list as staff read it: number, type, person (masked ID), status and due date at a glance. */
export function CaseTable({ rows, label, selectable }: { rows: CaseRow[]; label: string; selectable?: { name: string } }) {
  const t = useTranslations("caseList");
  const tt = useTranslations("case.types");
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {selectable && <TableCell padding="checkbox" />}
          <TableCell>{t("caseNumber")}</TableCell>
          <TableCell>{t("type")}</TableCell>
          <TableCell>{t("person")}</TableCell>
          <TableCell>{t("idNumber")}</TableCell>
          <TableCell>{t("status")}</TableCell>
          <TableCell>{t("assignee")}</TableCell>
          <TableCell>{t("due")}</TableCell>
          <TableCell align="right">{t("amount")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} hover data-case-number={r.caseNumber}>
            {selectable && (
              <TableCell padding="checkbox">
                <input type="checkbox" name={selectable.name} value={r.id} aria-label={r.caseNumber} />
              </TableCell>
            )}
            <TableCell>
              <Link href={`/cases/${r.id}`}>{r.caseNumber}</Link>
            </TableCell>
            <TableCell>{tt(r.type)}</TableCell>
            <TableCell>{r.person.name}</TableCell>
            <TableCell sx={{ fontFamily: "monospace" }}>{r.person.idNumber}</TableCell>
            <TableCell>
              <StatusChip status={r.status} />
            </TableCell>
            <TableCell>{r.assignee?.name ?? "—"}</TableCell>
            <TableCell>
              <DueChip dueDate={r.dueDate} dueStatus={r.dueStatus} />
            </TableCell>
            <TableCell align="right">{r.amount ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
