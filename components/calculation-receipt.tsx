"use client";
import { useLocale, useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";

type Bilingual = { zh: string; en: string };
interface Explanation {
  title: Bilingual;
  rule: Bilingual;
  sources: Array<Bilingual & { id: string; jurisdiction: string; uncertain?: boolean }>;
  lines: Array<{ label: Bilingual; values: Record<string, string | number | boolean | null> }>;
  notes: Bilingual[];
}

const moneyFields = ["payout", "priorYearEndBalance", "currentYearPrincipal", "currentYearInterest", "total", "f1", "f2", "f3", "f4", "f5", "f6"] as const;

/**
 * What the receipt prints of a case's frozen calculation: the view of `GET /api/v1/cases/{id}`
 * (ReceiptView of lib/cases/case-data.ts, whose every kind fits this shape), amounts as strings.
 */
export type ReceiptShown = { ruleVersion: string; computedAt: string; provisional?: boolean; refunds?: Array<{ payerType: string; months: number; amount: string }> } & {
  [F in (typeof moneyFields)[number]]?: string;
};

/**
 * The calculation receipt: the frozen result, then every line of the derivation with the rule
 * and its legal source, so staff (and auditors) can follow each fen.
 */
export function CalculationReceipt({ calculation, explanation }: { calculation: ReceiptShown | null; explanation: Explanation | null }) {
  const t = useTranslations("casePage");
  const tf = useTranslations("receipt.fields");
  const locale = useLocale();
  const tp = useTranslations("people.payerTypes");
  const pick = (b: Bilingual) => (locale === "en" ? b.en : b.zh);
  // The calculation stores the domain's payer type ("flexible", "bank-withholding"); show its name.
  const payerTypeLabel = (code: string) => {
    const key = code.toUpperCase().replace(/-/g, "_");
    return tp.has(key) ? tp(key) : code;
  };
  if (!calculation) return <Typography color="text.secondary">{t("noCalculation")}</Typography>;
  const ex = explanation;
  const shown = moneyFields.flatMap((f) => {
    const value = calculation[f];
    return value === undefined ? [] : [{ f, value }];
  });
  const columns = ex ? [...new Set(ex.lines.flatMap((l) => Object.keys(l.values)))] : [];
  const refunds = calculation.refunds ?? [];
  return (
    <Box data-testid="calculation-receipt">
      {calculation.provisional === true && <Alert severity="warning" sx={{ mb: 2 }}>{t("provisional")}</Alert>}
      <Table size="small" aria-label={t("calculation")} sx={{ mb: 2, maxWidth: 520 }}>
        <TableBody>
          {shown.map(({ f, value }) => (
            <TableRow key={f}>
              <TableCell component="th" scope="row">{tf(f)}</TableCell>
              <TableCell align="right" sx={{ fontFamily: "monospace", fontWeight: f === "payout" || f === "total" || f === "f6" ? 700 : 400 }} data-field={f}>
                {value}
              </TableCell>
            </TableRow>
          ))}
          {refunds.map((r, i) => (
            <TableRow key={i}>
              <TableCell component="th" scope="row">{tf("refund", { n: i + 1 })}</TableCell>
              <TableCell align="right" data-field={`refund-${i + 1}`}>
                {t("refundLine", { payerType: payerTypeLabel(r.payerType), months: r.months, amount: r.amount })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {ex && (
        <>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>{pick(ex.title)}</Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            <strong>{t("rule")}:</strong> {pick(ex.rule)}
          </Typography>
          {ex.lines.length > 0 && (
            // A wide derivation scrolls sideways: focusable and named, so keyboard users can scroll it.
            <Box sx={{ overflowX: "auto", mb: 1 }} tabIndex={0} role="region" aria-label={pick(ex.title)}>
              <Table size="small" aria-label={pick(ex.title)}>
                <TableHead>
                  <TableRow>
                    <TableCell />
                    {columns.map((k) => (
                      <TableCell key={k} align="right">{k}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {ex.lines.map((line, i) => (
                    <TableRow key={i}>
                      <TableCell component="th" scope="row">{pick(line.label)}</TableCell>
                      {columns.map((k) => (
                        <TableCell key={k} align="right" sx={{ fontFamily: "monospace" }}>{String(line.values[k] ?? "")}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
          <Typography variant="body2" component="div">
            <strong>{t("legalSource")}:</strong>
            <ul style={{ margin: "4px 0" }}>
              {ex.sources.map((s) => (
                <li key={s.id}>
                  {pick(s)}{" "}
                  {s.jurisdiction === "LOCAL" && <Chip size="small" label="LOCAL" title={t("localRule")} sx={{ bgcolor: "#fff3e0", color: "#663c00" }} />}
                  {s.uncertain && <Chip size="small" label="UNCERTAIN" sx={{ bgcolor: "#ffebee", color: "#8e0000", ml: 0.5 }} />}
                </li>
              ))}
            </ul>
          </Typography>
          {ex.notes.length > 0 && (
            <Alert severity="info">
              {ex.notes.map((n, i) => (
                <div key={i}>{pick(n)}</div>
              ))}
            </Alert>
          )}
        </>
      )}
      <Typography variant="caption" color="text.secondary">
        {t("ruleVersion")}: {calculation.ruleVersion} · {t("computedAt")}: {calculation.computedAt}
      </Typography>
    </Box>
  );
}
