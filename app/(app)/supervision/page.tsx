import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDashboard } from "@/lib/supervision/dashboard";
import { caseTypes } from "@/lib/workflow";
import { SupervisionHeader } from "./nav";
import { AmountsChart, DueChart, OpenCasesChart, SlaChart, ThroughputChart, WorkloadChart } from "./charts";

export async function generateMetadata() {
  return { title: (await getTranslations("shell.nav"))("supervision") };
}

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, height: "100%" }} data-chart={id}>
      <Typography id={id} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Supervisors: the office's dashboards. Auditors land on the chain check. */
export default async function SupervisionPage() {
  const user = await requirePermission("audit:read");
  if (!can(user, "dashboard:read")) redirect("/supervision/audit");
  const t = await getTranslations("supervision");
  const tc = await getTranslations("case");
  const d = await getDashboard(user);
  const typeLabels = Object.fromEntries(caseTypes.map((c) => [c, tc(`types.${c}`)]));
  return (
    <Box>
      <SupervisionHeader user={user} current="dashboard" title={t("dashboard.title")} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t("dashboard.asOf", { today: d.today })}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel id="open" title={t("dashboard.open")}>
            <OpenCasesChart rows={d.open} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel id="due" title={t("dashboard.due")}>
            <DueChart rows={d.due} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel id="throughput" title={t("dashboard.throughput")}>
            <ThroughputChart rows={d.throughput} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel id="paid" title={t("dashboard.paid")}>
            <AmountsChart rows={d.paid} />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel id="sla" title={t("dashboard.sla", { since: d.since })}>
            <SlaChart rows={d.sla} />
            <Table size="small" aria-label={t("dashboard.sla", { since: d.since })}>
              <TableHead>
                <TableRow>
                  <TableCell>{t("dashboard.leg")}</TableCell>
                  <TableCell align="right">{t("dashboard.legTotal")}</TableCell>
                  <TableCell align="right">{t("dashboard.legWithin")}</TableCell>
                  <TableCell align="right">%</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.sla.map((r) => (
                  <TableRow key={`${r.type}-${r.leg}`}>
                    <TableCell>{t("dashboard.legLabel", { type: typeLabels[r.type] ?? r.type, leg: r.leg })}</TableCell>
                    <TableCell align="right">{r.total}</TableCell>
                    <TableCell align="right">{r.within}</TableCell>
                    <TableCell align="right">{r.total ? ((100 * r.within) / r.total).toFixed(1) : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel id="workload" title={t("dashboard.workload")}>
            <WorkloadChart rows={d.workload} />
          </Panel>
        </Grid>
      </Grid>
    </Box>
  );
}
