import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { listStaff } from "@/lib/supervision/queries";
import { samplesOf } from "@/lib/supervision/reads";
import { caseTypes } from "@/lib/workflow";
import { SupervisionHeader } from "../nav";
import { DrawSampleForm } from "./draw-form";
import { criteriaText } from "./criteria";

export async function generateMetadata() {
  return { title: (await getTranslations("supervision.samples"))("title") };
}

export default async function SamplesPage() {
  const user = await requirePermission("audit:sample");
  const t = await getTranslations("supervision.samples");
  const [listed, caseworkers, reviewers] = await Promise.all([
    samplesOf(user),
    listStaff(user, ["caseworker", "supervisor"]),
    listStaff(user, ["supervisor", "auditor"]),
  ]);
  if (!listed.ok) forbidden();
  const samples = listed.value;
  const names = new Map(caseworkers.map((u) => [u.id, u.name]));
  const criteria = await Promise.all(samples.map((s) => criteriaText(s.criteria, names)));
  return (
    <Box>
      <SupervisionHeader user={user} current="samples" title={t("title")} />
      <DrawSampleForm caseworkers={caseworkers} reviewers={reviewers} types={[...caseTypes]} />
      <Paper sx={{ overflowX: "auto" }}>
        {samples.length === 0 ? (
          <Typography sx={{ p: 2 }}>{t("none")}</Typography>
        ) : (
          <Table size="small" aria-label={t("list")}>
            <TableHead>
              <TableRow>
                <TableCell>{t("drawnAt")}</TableCell>
                <TableCell>{t("drawnBy")}</TableCell>
                <TableCell>{t("criteria")}</TableCell>
                <TableCell align="right">{t("population")}</TableCell>
                <TableCell align="right">{t("size")}</TableCell>
                <TableCell align="right">{t("reviewed")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {samples.map((s, i) => (
                <TableRow key={s.id} hover data-sample={s.id}>
                  <TableCell>
                    <Link href={`/supervision/samples/${s.id}`}>{s.drawnAt.replace("T", " ").slice(0, 16)}</Link>
                  </TableCell>
                  <TableCell>{s.drawnBy}</TableCell>
                  <TableCell>{criteria[i]}</TableCell>
                  <TableCell align="right">{s.population}</TableCell>
                  <TableCell align="right">{s.size}</TableCell>
                  <TableCell align="right">{s.reviewed} / {s.size}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}
