import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { lastWholeShanghaiDay } from "@/lib/audit/daily-head";
import { checkOfficeChains } from "@/lib/audit/office-audit";
import { SupervisionHeader } from "../nav";

export async function generateMetadata() {
  return { title: (await getTranslations("supervision.audit"))("title") };
}

/** The chain check of the auditor's own office, run on every visit, and the daily chain head. */
export default async function AuditPage() {
  const user = await requirePermission("audit:read");
  const t = await getTranslations("supervision.audit");
  const checked = await checkOfficeChains(user);
  if (!checked.ok) forbidden();
  const reports = checked.value;
  const intact = reports.every((r) => r.ok);
  const yesterday = lastWholeShanghaiDay();
  return (
    <Box>
      <SupervisionHeader user={user} current="audit" title={t("title")} />
      <Paper component="section" aria-labelledby="chain-check" sx={{ p: 2, mb: 2 }}>
        <Typography id="chain-check" variant="h6" component="h2" gutterBottom>
          {t("check")}
        </Typography>
        <Alert severity={intact ? "success" : "error"} role="status" data-testid="chain-status" data-ok={intact} sx={{ mb: 2 }}>
          {intact ? t("intact", { office: user.officeCode }) : t("broken", { office: user.officeCode })}
        </Alert>
        <Table size="small" aria-label={t("check")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("chain")}</TableCell>
              <TableCell>{t("result")}</TableCell>
              <TableCell align="right">{t("events")}</TableCell>
              <TableCell>{t("detail")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.chain} data-chain={r.chain} data-ok={r.ok}>
                <TableCell>{t(`chains.${r.chain}`)}</TableCell>
                <TableCell>{r.ok ? t("ok") : t("brokenShort")}</TableCell>
                <TableCell align="right">{r.events}</TableCell>
                <TableCell sx={{ fontFamily: "monospace", wordBreak: "break-all" }}>
                  {r.ok
                    ? `${t("head")} ${r.headHash}`
                    : t("brokenAt", { seq: r.broken!.seq, problem: t(`problems.${r.broken!.problem}`), event: r.broken!.eventId ?? "—" })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="caption" color="text.secondary">
          {t("cliHint")}
        </Typography>
      </Paper>
      <Paper component="section" aria-labelledby="daily-head" sx={{ p: 2 }}>
        <Typography id="daily-head" variant="h6" component="h2" gutterBottom>
          {t("dailyHead")}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t("dailyHeadHelp")}
        </Typography>
        <Box component="form" action="/supervision/audit/head" method="get" sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
          <TextField type="date" name="date" label={t("date")} defaultValue={yesterday} size="small" required slotProps={{ inputLabel: { shrink: true } }} />
          <Button type="submit" variant="contained">{t("print")}</Button>
          <Button type="submit" variant="outlined" formAction="/api/v1/audit/chain-head">{t("exportJson")}</Button>
        </Box>
      </Paper>
    </Box>
  );
}
