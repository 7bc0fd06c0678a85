import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { checkOfficeChains, officeDailyHeads } from "@/lib/audit/office-audit";
import { isoShanghai } from "@/lib/cases/clock";
import { PrintButton } from "./print-button";

export async function generateMetadata() {
  return { title: (await getTranslations("supervision.audit"))("dailyHead") };
}

// On paper only the sheet: the app bar, the navigation and the buttons are not printed.
const printCss = `@media print { header, nav, .no-print { display: none !important; } main { padding: 0 !important; } }`;

/** A print-friendly sheet of the daily chain heads, to be signed and filed outside the system. */
export default async function ChainHeadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit:read");
  const raw = (await searchParams).date;
  const date = Array.isArray(raw) ? raw[0] : raw;
  // A date that is not a calendar day is no sheet (the permission was checked above).
  const daily = await officeDailyHeads(user, date ?? "");
  if (!daily.ok) notFound();
  const checked = await checkOfficeChains(user);
  if (!checked.ok) notFound();
  const t = await getTranslations("supervision.audit");
  const heads = daily.value;
  const check = checked.value;
  const now = new Date();
  return (
    <Box sx={{ maxWidth: 900, mx: "auto" }} data-testid="chain-head-sheet">
      <style>{printCss}</style>
      <Box className="no-print" sx={{ display: "flex", justifyContent: "flex-end", mb: 2 }}>
        <PrintButton label={t("print")} />
      </Box>
      <Typography variant="h5" component="h1" align="center" gutterBottom>
        {t("sheetTitle")}
      </Typography>
      <Typography align="center" gutterBottom>
        {heads.office.name} ({heads.office.code}) · {t("sheetDate", { date: heads.date })}
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary" sx={{ mb: 3 }}>
        {t("sheetBound", { end: isoShanghai(new Date(heads.endsAt)).replace("T", " ").slice(0, 19) })}
      </Typography>
      <Table size="small" aria-label={t("dailyHead")}>
        <TableHead>
          <TableRow>
            <TableCell>{t("chain")}</TableCell>
            <TableCell align="right">{t("seq")}</TableCell>
            <TableCell>{t("hash")}</TableCell>
            <TableCell>{t("lastEventAt")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {heads.heads.map((h) => (
            <TableRow key={h.chain} data-chain={h.chain}>
              <TableCell>{t(`chains.${h.chain}`)}</TableCell>
              <TableCell align="right" data-testid={`seq-${h.chain}`}>{h.seq}</TableCell>
              <TableCell sx={{ fontFamily: "monospace", wordBreak: "break-all" }} data-testid={`hash-${h.chain}`}>{h.hash}</TableCell>
              <TableCell>{h.at ? isoShanghai(new Date(h.at)).replace("T", " ").slice(0, 19) : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 3 }}>
        {check.every((r) => r.ok) ? t("sheetIntact") : t("sheetBroken")} · {t("sheetPrinted", { at: isoShanghai(now).replace("T", " ").slice(0, 19), by: user.name })}
      </Typography>
      <Box sx={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 6, mt: 8 }}>
        <Typography sx={{ borderTop: "1px solid", pt: 1 }}>{t("signAuditor")}</Typography>
        <Typography sx={{ borderTop: "1px solid", pt: 1 }}>{t("signWitness")}</Typography>
      </Box>
    </Box>
  );
}
