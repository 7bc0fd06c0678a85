import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { availableActions, getCaseDetail } from "@/lib/cases";
import { maskIdNumber } from "@/lib/people/mask";
import { CalculationReceipt } from "@/components/calculation-receipt";
import { CaseActions } from "@/components/case-actions";
import { CaseTimeline } from "@/components/case-timeline";
import { ChecklistPanel } from "@/components/checklist-panel";
import { DueChip, StatusChip } from "@/components/status-chip";
import { recordDocumentAction, transitionAction } from "../actions";
import { readCaseView } from "../../unreadable-case";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `${(await getTranslations("caseList"))("caseNumber")} ${(await params).id.slice(0, 8)}` };
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, mb: 2 }}>
      <Typography id={id} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("case:read");
  const id = (await params).id;
  const loaded = await readCaseView(getCaseDetail(user, id));
  if (!loaded.ok) return loaded.page;
  const c = loaded.value;
  if (!c) notFound();
  const t = await getTranslations("casePage");
  const tc = await getTranslations("case");
  const tk = await getTranslations("letterKinds");
  const tcs = await getTranslations("certificates.statuses");
  const locale = await getLocale();
  const actions = availableActions(user, c);
  const intake = c.intake;
  const dl = (rows: Array<[string, React.ReactNode]>) => (
    <Box component="dl" sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 2, rowGap: 0.5, m: 0 }}>
      {rows.map(([k, v]) => (
        <Box key={k} sx={{ display: "contents" }}>
          <Box component="dt" sx={{ color: "text.secondary" }}>{k}</Box>
          <Box component="dd" sx={{ m: 0 }}>{v}</Box>
        </Box>
      ))}
    </Box>
  );
  return (
    <Box>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2, flexWrap: "wrap" }}>
        <Typography variant="h5" component="h1" data-testid="case-number">{c.caseNumber}</Typography>
        <Typography component="span">{tc(`types.${c.type}`)}</Typography>
        <StatusChip status={c.status} />
        <DueChip dueDate={c.dueDate} dueStatus={c.dueStatus} paused={c.clockPaused} />
        <Box sx={{ flexGrow: 1 }} />
        {can(user, "audit:read") && <a href={`/api/v1/audit/cases/${c.id}/log`}>{t("auditLog")}</a>}
        <Link href="/help/workflow">{t("help")}</Link>
      </Box>
      <Section title={t("actions")} id="sec-actions">
        <CaseActions caseNumber={c.caseNumber} status={c.status} version={c.version} actions={actions} transition={transitionAction.bind(null, c.id)} />
      </Section>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t("summary")} id="sec-summary">
            {dl([
              [t("office"), locale === "en" ? c.office.nameEn : c.office.name],
              [t("assignee"), c.assignee?.name ?? "—"],
              [t("dueDate"), `${c.dueDate ?? "—"}${c.type.startsWith("TRANSFER") ? ` · ${t("leg", { leg: c.slaLeg })}` : ""}`],
              [t("amount"), c.amount ?? "—"],
              [t("version"), String(c.version)],
              ...(intake.ground ? [[t("ground"), tc(`grounds.${intake.ground}`)] as [string, string]] : []),
              ...(intake.terminationMonth ? [[t("terminationMonth"), intake.terminationMonth] as [string, string]] : []),
              ...(intake.payees?.length ? [[t("payees"), intake.payees.map((p) => `${p.name} (${maskIdNumber(p.idNumber)}, ${tc(`relationships.${p.relationship}`)})`).join("; ")] as [string, string]] : []),
              ...(intake.fromOffice ? [[t("fromOffice"), intake.fromOffice] as [string, string]] : []),
              ...(intake.toOffice ? [[t("toOffice"), intake.toOffice] as [string, string]] : []),
              ...(intake.transferMonth ? [[t("transferMonth"), intake.transferMonth] as [string, string]] : []),
              ...(c.rejectReason ? [[t("rejectReason"), c.rejectReason] as [string, string]] : []),
              ...(c.payment ? [[t("payment"), `${c.payment.amount} · ${t("reference")} ${c.payment.reference}`] as [string, string]] : []),
            ])}
          </Section>
          <Section title={t("person")} id="sec-person">
            {dl([
              ["", <Link key="p" href={`/people/${c.person.id}`}>{c.person.name}</Link>],
              ["ID", <span key="i" style={{ fontFamily: "monospace" }}>{c.person.idNumber}</span>],
              ["", `${c.person.birthDate} · ${c.person.hukouProvince}`],
            ])}
          </Section>
          <Section title={t("checklist")} id="sec-checklist">
            <ChecklistPanel items={c.checklist} version={c.version} canRecord={can(user, "case:work") && !["COMPLETED", "REJECTED", "WITHDRAWN"].includes(c.status)} record={recordDocumentAction.bind(null, c.id)} />
          </Section>
          <Section title={t("letters")} id="sec-letters">
            {c.letters.length === 0 ? (
              <Typography color="text.secondary">{t("noLetters")}</Typography>
            ) : (
              <ul>
                {c.letters.map((l) => (
                  <li key={l.serial} data-letter={l.kind}>
                    {tk(l.kind)} · {l.serial} · {tcs(l.status)}{" "}
                    {l.slug && <a href={`/api/v1/cases/${c.id}/documents/${l.slug}.pdf`}>{t("download")}</a>}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {c.linkedCases.length > 0 && (
            <Section title={t("linked")} id="sec-linked">
              <ul>
                {c.linkedCases.map((l) => (
                  <li key={l.id} data-linked={l.type}>
                    {l.caseNumber} · {tc(`types.${l.type}`)} · {locale === "en" ? l.officeNameEn : l.officeName} · <StatusChip status={l.status} />
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t("calculation")} id="sec-calculation">
            <CalculationReceipt calculation={c.calculation} explanation={c.explanation} />
          </Section>
          <Section title={t("timeline")} id="sec-timeline">
            <CaseTimeline events={c.events} />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}
