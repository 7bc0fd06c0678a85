import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { listStaff } from "@/lib/supervision/queries";
import { sampleOf } from "@/lib/supervision/reads";
import { SupervisionHeader } from "../../nav";
import { criteriaText } from "../criteria";

export async function generateMetadata() {
  return { title: (await getTranslations("supervision.samples"))("sampleTitle") };
}

/** A drawn sample: its criteria and items. Decisions stay hidden until each item is reviewed. */
export default async function SamplePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("audit:sample");
  const found = await sampleOf(user, (await params).id);
  if (!found.ok) notFound();
  const sample = found.value;
  const t = await getTranslations("supervision.samples");
  const tc = await getTranslations("case");
  const names = new Map((await listStaff(user, ["caseworker", "supervisor"])).map((u) => [u.id, u.name]));
  return (
    <Box>
      <SupervisionHeader user={user} current="samples" title={t("sampleTitle")} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography data-testid="sample-summary">
          {t("summary", { drawnAt: sample.drawnAt.replace("T", " ").slice(0, 16), drawnBy: sample.drawnBy, population: sample.population, size: sample.items.length })}
        </Typography>
        <Typography variant="body2" color="text.secondary">{await criteriaText(sample.criteria, names)}</Typography>
        {sample.note && <Typography variant="body2">{sample.note}</Typography>}
      </Paper>
      <Paper sx={{ overflowX: "auto" }}>
        <Table size="small" aria-label={t("items")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("case")}</TableCell>
              <TableCell>{t("type")}</TableCell>
              <TableCell>{t("reviewer")}</TableCell>
              <TableCell>{t("review")}</TableCell>
              <TableCell align="right">{t("findings")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sample.items.map((i) => (
              <TableRow key={i.id} hover data-item={i.id} data-reviewed={i.reviewed}>
                <TableCell>
                  <Link href={`/supervision/samples/items/${i.id}`}>{i.caseNumber}</Link>
                </TableCell>
                <TableCell>{tc(`types.${i.type}`)}</TableCell>
                <TableCell>{i.reviewer ?? t("unassigned")}</TableCell>
                <TableCell>
                  {i.reviewed ? (
                    <Chip size="small" color={i.agrees ? "success" : "warning"} label={i.agrees ? t("agrees") : t("disagrees")} />
                  ) : (
                    <Chip size="small" variant="outlined" label={t("pending")} />
                  )}
                </TableCell>
                <TableCell align="right">{i.findings}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
