import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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
import { findPeople } from "@/lib/people/queries";
import { maskIdNumber } from "@/lib/people/mask";

export async function generateMetadata() {
  return { title: (await getTranslations("people"))("title") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requirePermission("person:read");
  const t = await getTranslations("people");
  const locale = await getLocale();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? "").slice(0, 64);
  const people = q ? await findPeople(user, q) : [];
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {t("title")}
      </Typography>
      <Paper component="form" role="search" action="/people" sx={{ p: 2, mb: 2, display: "flex", gap: 2 }}>
        <TextField
          name="q"
          defaultValue={q}
          label={t("searchLabel")}
          helperText={t("searchHelp")}
          size="small"
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { maxLength: 64 } }}
        />
        <Box>
          <Button type="submit" variant="contained">
            {t("search")}
          </Button>
        </Box>
      </Paper>
      {q && (
        <Paper>
          {people.length === 0 ? (
            <Typography sx={{ p: 2 }}>{t("noResults")}</Typography>
          ) : (
            <Table size="small" aria-label={t("results")}>
              <TableHead>
                <TableRow>
                  <TableCell>{t("name")}</TableCell>
                  <TableCell>{t("idNumber")}</TableCell>
                  <TableCell>{t("sex")}</TableCell>
                  <TableCell>{t("hukou")}</TableCell>
                  <TableCell>{t("office")}</TableCell>
                  <TableCell>{t("relationship")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {people.map((p) => (
                  <TableRow key={p.id} hover>
                    <TableCell>
                      <Link href={`/people/${p.id}`}>{p.name}</Link>
                    </TableCell>
                    <TableCell sx={{ fontFamily: "monospace" }}>{maskIdNumber(p.idNumber)}</TableCell>
                    <TableCell>{t(`sexes.${p.sex}`)}</TableCell>
                    <TableCell>{p.hukouProvince}</TableCell>
                    <TableCell>{locale === "en" ? p.office.nameEn : p.office.name}</TableCell>
                    <TableCell>{t(`relationshipStatus.${p.relationshipStatus}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      )}
    </Box>
  );
}
