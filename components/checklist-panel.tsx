"use client";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import type { ActionResult } from "@/lib/service/action-result";

export interface ChecklistRow {
  kind: string;
  label: { zh: string; en: string };
  required: boolean;
  received: boolean;
  receivedAt: string | null;
}

type Record = (kind: string, version: number) => Promise<ActionResult>;

export function ChecklistPanel({ items, version, canRecord, record }: { items: ChecklistRow[]; version: number; canRecord: boolean; record: Record }) {
  const t = useTranslations("casePage");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && <Alert severity="error" role="alert" sx={{ mb: 1 }}>{error}</Alert>}
      <Table size="small" aria-label={t("checklist")}>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.kind} data-kind={item.kind} data-received={item.received}>
              <TableCell>{locale === "en" ? item.label.en : item.label.zh}</TableCell>
              <TableCell>{item.required ? t("required") : t("optional")}</TableCell>
              <TableCell>{item.received ? `${t("received")} ${item.receivedAt?.slice(0, 16).replace("T", " ") ?? ""}` : t("missing")}</TableCell>
              <TableCell align="right">
                {canRecord && !item.received && (
                  <Button
                    size="small"
                    disabled={pending}
                    aria-label={`${t("markReceived")}: ${locale === "en" ? item.label.en : item.label.zh}`}
                    onClick={() =>
                      start(async () => {
                        const r = await record(item.kind, version);
                        setError(r.ok ? null : r.message ?? null);
                        router.refresh();
                      })
                    }
                  >
                    {t("markReceived")}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
