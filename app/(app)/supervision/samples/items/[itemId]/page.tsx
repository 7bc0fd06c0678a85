import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
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
import { sampleItemOf } from "@/lib/supervision/reads";
import { CalculationReceipt } from "@/components/calculation-receipt";
import { CaseTimeline } from "@/components/case-timeline";
import { StatusChip } from "@/components/status-chip";
import { recordFindingAction, recordReviewAction } from "../../../actions";
import { SupervisionHeader } from "../../../nav";
import { FindingForm, ReviewForm } from "./review-forms";
import { readCaseView } from "../../../../unreadable-case";

export async function generateMetadata() {
  return { title: (await getTranslations("supervision.review"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, mb: 2 }} data-section={id}>
      <Typography id={id} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Pairs({ rows }: { rows: Array<[string, React.ReactNode]> }) {
  return (
    <Box component="dl" sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 2, rowGap: 0.5, m: 0 }}>
      {rows.map(([k, v], i) => (
        <Box key={`${k}-${i}`} sx={{ display: "contents" }}>
          <Box component="dt" sx={{ color: "text.secondary" }}>{k}</Box>
          <Box component="dd" sx={{ m: 0 }}>{v}</Box>
        </Box>
      ))}
    </Box>
  );
}

/**
 * Blind re-review of a sampled case: the inputs first; the original decision, amount and history
 * only after the reviewer has recorded their own decision — then both side by side.
 */
export default async function ReviewPage({ params }: { params: Promise<{ itemId: string }> }) {
  const user = await requirePermission("audit:sample");
  const itemId = (await params).itemId;
  const loaded = await readCaseView(sampleItemOf(user, itemId));
  if (!loaded.ok) return loaded.page;
  const found = loaded.value;
  if (!found.ok) notFound();
  const item = found.value;
  const t = await getTranslations("supervision.review");
  const tp = await getTranslations("casePage");
  const tc = await getTranslations("case");
  const tpe = await getTranslations("people");
  const locale = await getLocale();
  const c = item.case;
  const intake = c.intake;
  const mayReview = !item.reviewed && (!item.reviewer || item.reviewer.id === user.id);
  const o = item.original;
  return (
    <Box>
      <SupervisionHeader user={user} current="samples" title={t("title")} />
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", mb: 2, flexWrap: "wrap" }}>
        <Typography variant="h6" component="p" data-testid="case-number">{c.caseNumber}</Typography>
        <Typography component="span">{tc(`types.${c.type}`)}</Typography>
        <Link href={`/supervision/samples/${item.sampleId}`}>{t("backToSample")}</Link>
      </Box>
      {!item.reviewed && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="blind-notice">
          {t("blindNotice")}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section id="sec-application" title={t("application")}>
            <Pairs rows={[
              [tp("intake"), tc(`types.${c.type}`)],
              [t("takenIn"), c.createdAt.replace("T", " ").slice(0, 16)],
              ...(intake.ground ? [[tp("ground"), tc(`grounds.${intake.ground}`)] as [string, string]] : []),
              ...(intake.terminationMonth ? [[tp("terminationMonth"), intake.terminationMonth] as [string, string]] : []),
              ...(intake.payees?.length ? [[tp("payees"), intake.payees.map((p) => `${p.name} (${p.idNumber}, ${tc(`relationships.${p.relationship}`)})`).join("; ")] as [string, string]] : []),
              ...(intake.fromOffice ? [[tp("fromOffice"), intake.fromOffice] as [string, string]] : []),
              ...(intake.toOffice ? [[tp("toOffice"), intake.toOffice] as [string, string]] : []),
              ...(intake.transferMonth ? [[tp("transferMonth"), intake.transferMonth] as [string, string]] : []),
            ]} />
          </Section>
          <Section id="sec-person" title={tp("person")}>
            <Pairs rows={[
              [tpe("name"), c.person.name],
              [tpe("idNumber"), <span key="id" style={{ fontFamily: "monospace" }}>{c.person.idNumber}</span>],
              [tpe("sex"), tpe(`sexes.${c.person.sex}`)],
              [tpe("birthDate"), c.person.birthDate],
              [tpe("hukou"), c.person.hukouProvince],
            ]} />
          </Section>
          <Section id="sec-checklist" title={tp("checklist")}>
            <ul style={{ margin: 0 }}>
              {c.checklist.map((d) => (
                <li key={d.kind}>
                  {locale === "en" ? d.label.en : d.label.zh} · {d.required ? tp("required") : tp("optional")} · {d.received ? tp("received") : tp("missing")}
                </li>
              ))}
            </ul>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section id="sec-records" title={tpe("records")}>
            <Table size="small" aria-label={tpe("records")}>
              <TableHead>
                <TableRow>
                  <TableCell>{tpe("period")}</TableCell>
                  <TableCell>{tpe("payerType")}</TableCell>
                  <TableCell align="right">{tpe("monthlyBase")}</TableCell>
                  <TableCell align="right">{tpe("totalRate")}</TableCell>
                  <TableCell align="right">{tpe("accountRate")}</TableCell>
                  <TableCell>{tpe("recordOffice")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.records.map((r, i) => (
                  <TableRow key={i}>
                    <TableCell>{r.period}</TableCell>
                    <TableCell>{tpe(`payerTypes.${r.payerType}`)}</TableCell>
                    <TableCell align="right">{r.monthlyBase}</TableCell>
                    <TableCell align="right">{r.totalRate}</TableCell>
                    <TableCell align="right">{r.accountRate}</TableCell>
                    <TableCell>{r.office}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        </Grid>
      </Grid>

      {!item.reviewed && (
        <Section id="sec-review" title={t("yourDecision")}>
          {mayReview ? (
            <ReviewForm action={recordReviewAction.bind(null, item.id)} />
          ) : (
            <Typography>{t("assignedTo", { name: item.reviewer?.name ?? "" })}</Typography>
          )}
        </Section>
      )}

      {item.reviewed && item.review && o && (
        <>
          <Grid container spacing={2} data-testid="side-by-side">
            <Grid size={{ xs: 12, md: 6 }}>
              <Section id="sec-their-review" title={t("reviewColumn")}>
                <Pairs rows={[
                  [t("decision"), <span key="d" data-testid="review-decision">{t(`decisions.${item.review.decision}`)}</span>],
                  [t("amount"), item.review.amount ?? "—"],
                  [t("note"), item.review.note],
                  [t("reviewer"), `${item.reviewer?.name ?? ""} · ${item.review.at.replace("T", " ").slice(0, 16)}`],
                ]} />
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section id="sec-original" title={t("originalColumn")}>
                <Pairs rows={[
                  [t("outcome"), <StatusChip key="s" status={o.status} />],
                  [t("amount"), <span key="a" data-testid="original-amount">{o.amount ?? "—"}</span>],
                  ...(o.rejectReason ? [[tp("rejectReason"), o.rejectReason] as [string, string]] : []),
                  [t("recommendedBy"), o.recommendedBy ?? "—"],
                  [t("approvedBy"), o.approvedBy ?? "—"],
                  ...(o.payment ? [[tp("payment"), `${o.payment.amount} · ${tp("reference")} ${o.payment.reference}`] as [string, string]] : []),
                ]} />
              </Section>
            </Grid>
          </Grid>
          <Alert severity={item.review.agrees ? "success" : "warning"} sx={{ mb: 2 }} data-testid="agreement">
            {item.review.agrees ? t("agrees") : t("disagrees")}
          </Alert>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section id="sec-calculation" title={tp("calculation")}>
                <CalculationReceipt calculation={o.calculation} explanation={o.explanation} />
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section id="sec-timeline" title={tp("timeline")}>
                <CaseTimeline events={o.events} />
                <Link href={`/api/v1/audit/cases/${c.id}/log`}>{t("auditLogPdf")}</Link>
              </Section>
            </Grid>
          </Grid>
          <Section id="sec-findings" title={t("findings")}>
            {item.findings.length === 0 ? (
              <Typography sx={{ mb: 2 }}>{t("noFindings")}</Typography>
            ) : (
              <ul data-testid="findings">
                {item.findings.map((f) => (
                  <li key={f.id}>
                    <Chip size="small" label={t(`severities.${f.severity}`)} sx={{ mr: 1 }} />
                    {f.text} · {f.by} · {f.at.replace("T", " ").slice(0, 16)}
                    {f.correctionCaseId && (
                      <> · <Link href={`/cases/${f.correctionCaseId}`}>{t("correctionCase")}</Link></>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <FindingForm action={recordFindingAction.bind(null, item.id)} mayCorrect={can(user, "case:create")} />
          </Section>
        </>
      )}
    </Box>
  );
}
