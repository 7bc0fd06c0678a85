import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPersonForOffice, revealIdNumber } from "@/lib/people/queries";
import { maskIdNumber } from "@/lib/people/mask";
import { IssueCertificate } from "./issue-certificate";

export async function generateMetadata() {
  return { title: (await getTranslations("people"))("detailTitle") };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("person:read");
  const person = await getPersonForOffice(user, (await params).id);
  if (!person) notFound();
  const t = await getTranslations("people");
  const locale = await getLocale();
  const officeName = (o: { name: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.name);
  // A full number is shown only with the permission, and each such view is logged (AccessLog).
  const shown = await revealIdNumber(user, can(user, "person:read-full-id"), [person.idNumber], maskIdNumber);
  const idShown = shown.get(person.idNumber) ?? maskIdNumber(person.idNumber);
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {person.name}
      </Typography>
      <Paper sx={{ p: 2, mb: 2 }}>
        <Box component="dl" sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 3, rowGap: 1, m: 0 }}>
          <dt>{t("idNumber")}</dt>
          <dd style={{ margin: 0, fontFamily: "monospace" }} data-testid="person-id-number">{idShown}</dd>
          <dt>{t("sex")}</dt>
          <dd style={{ margin: 0 }}>{t(`sexes.${person.sex}`)}</dd>
          <dt>{t("birthDate")}</dt>
          <dd style={{ margin: 0 }}>{person.birthDate.toISOString().slice(0, 10)}</dd>
          <dt>{t("hukou")}</dt>
          <dd style={{ margin: 0 }}>{person.hukouProvince}</dd>
          <dt>{t("office")}</dt>
          <dd style={{ margin: 0 }}>{officeName(person.office)}</dd>
          <dt>{t("relationship")}</dt>
          <dd style={{ margin: 0 }}>{t(`relationshipStatus.${person.relationshipStatus}`)}</dd>
          <dt>{t("accountType")}</dt>
          <dd style={{ margin: 0 }}>{t(`accountTypes.${person.accountType}`)}</dd>
        </Box>
      </Paper>
      {can(user, "certificate:issue") && <IssueCertificate personId={person.id} />}
      <Typography variant="h6" component="h2" gutterBottom>
        {t("records")}
      </Typography>
      <Paper sx={{ overflowX: "auto" }}>
        <Table size="small" aria-label={t("records")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("period")}</TableCell>
              <TableCell>{t("payerType")}</TableCell>
              <TableCell align="right">{t("monthlyBase")}</TableCell>
              <TableCell align="right">{t("totalRate")}</TableCell>
              <TableCell align="right">{t("accountRate")}</TableCell>
              <TableCell>{t("employer")}</TableCell>
              <TableCell>{t("recordOffice")}</TableCell>
              <TableCell>{t("recordStatus")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {person.records.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  {r.fromMonth} – {r.toMonth}
                </TableCell>
                <TableCell>{t(`payerTypes.${r.payerType}`)}</TableCell>
                <TableCell align="right">{r.monthlyBase.toFixed(2)}</TableCell>
                <TableCell align="right">{r.totalRate.times(100).toFixed(2)}%</TableCell>
                <TableCell align="right">{r.accountRate.times(100).toFixed(2)}%</TableCell>
                <TableCell>{r.employer ? `${r.employer.name} (${r.employer.creditCode})` : "—"}</TableCell>
                <TableCell>{officeName(r.office)}</TableCell>
                <TableCell>{t(`recordStatuses.${r.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
