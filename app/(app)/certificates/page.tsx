import { getTranslations } from "next-intl/server";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { documentStatuses, filterFromSearchParams, listCertificates, type CertificateFilter } from "@/lib/certificates/queries";
import { listBatches } from "@/lib/certificates/batch";
import { documentKinds } from "@/lib/pdf/types";
import { shanghaiDate, shanghaiDateTime } from "@/lib/pdf/format";
import { CertificateActions } from "./certificate-actions";
import { BatchPrint } from "./batch-print";

export async function generateMetadata() {
  return { title: (await getTranslations("certificates"))("title") };
}

const statusColor = { VALID: "success", REVOKED: "error", SUPERSEDED: "warning" } as const;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CertificatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("certificate:read");
  const t = await getTranslations("certificates");
  const params = await searchParams;
  const parsed = filterFromSearchParams(params);
  const filter: CertificateFilter = parsed.success ? parsed.data : {};
  const cursor = typeof params.cursor === "string" ? params.cursor.slice(0, 200) : undefined;
  const [list, batches] = await Promise.all([listCertificates(user, filter, { cursor, limit: 50 }), listBatches(user, 1)]);
  const items = list.ok ? list.value.items : [];
  const nextCursor = list.ok ? list.value.nextCursor : null;
  const canIssue = can(user, "certificate:issue");
  const canRevoke = can(user, "certificate:revoke");
  const query = (extra: Record<string, string>) =>
    `/certificates?${new URLSearchParams({ ...(filter as Record<string, string>), ...extra }).toString()}`;
  const today = shanghaiDate(new Date());
  const filterText = [
    filter.kind ? t(`kinds.${filter.kind}`) : t("allKinds"),
    filter.status ? t(`statuses.${filter.status}`) : t("allStatuses"),
    filter.from || filter.to ? `${filter.from ?? "…"} – ${filter.to ?? "…"}` : t("anyDate"),
  ].join(" · ");

  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {t("title")}
      </Typography>
      <Paper component="form" role="search" aria-label={t("filter")} action="/certificates" sx={{ p: 2, mb: 2, display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-start" }}>
        <TextField select name="kind" label={t("kind")} defaultValue={filter.kind ?? ""} size="small" sx={{ minWidth: 200 }} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
          <option value="">{t("allKinds")}</option>
          {documentKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </TextField>
        <TextField select name="status" label={t("status")} defaultValue={filter.status ?? ""} size="small" sx={{ minWidth: 160 }} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
          <option value="">{t("allStatuses")}</option>
          {documentStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </TextField>
        <TextField type="date" name="from" label={t("issuedFrom")} defaultValue={filter.from ?? ""} size="small" slotProps={{ inputLabel: { shrink: true } }} />
        <TextField type="date" name="to" label={t("issuedTo")} defaultValue={filter.to ?? ""} size="small" slotProps={{ inputLabel: { shrink: true } }} />
        <Button type="submit" variant="contained">
          {t("applyFilter")}
        </Button>
        <Button href={`/certificates?from=${today}&to=${today}`}>
          {t("issuedToday")}
        </Button>
      </Paper>
      {!parsed.success && <Alert severity="warning" sx={{ mb: 2 }}>{t("badFilter")}</Alert>}
      {canIssue && <BatchPrint key={JSON.stringify(filter)} filter={filter} filterText={filterText} latest={(batches.ok && batches.value[0]) || null} />}
      <Paper sx={{ overflowX: "auto" }}>
        {items.length === 0 ? (
          <Typography sx={{ p: 2 }}>{t("empty")}</Typography>
        ) : (
          <Table size="small" aria-label={t("listLabel")}>
            <TableHead>
              <TableRow>
                <TableCell>{t("serial")}</TableCell>
                <TableCell>{t("kind")}</TableCell>
                <TableCell>{t("person")}</TableCell>
                <TableCell>{t("idNumber")}</TableCell>
                <TableCell>{t("issuedAt")}</TableCell>
                <TableCell>{t("issuer")}</TableCell>
                <TableCell>{t("status")}</TableCell>
                <TableCell>{t("actions")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.serial} data-testid="certificate-row" data-serial={c.serial}>
                  <TableCell sx={{ fontFamily: "monospace", whiteSpace: "nowrap" }}>{c.serial}</TableCell>
                  <TableCell>{t(`kinds.${c.kind}`)}</TableCell>
                  <TableCell>{c.personName}</TableCell>
                  <TableCell sx={{ fontFamily: "monospace" }}>{c.idNumberMasked}</TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{shanghaiDateTime(new Date(c.issuedAt))}</TableCell>
                  <TableCell>{c.issuerName}</TableCell>
                  <TableCell>
                    <Chip size="small" color={statusColor[c.status as keyof typeof statusColor] ?? "default"} label={t(`statuses.${c.status}`)} />
                    {c.supersededBy && (
                      <Typography variant="caption" component="div">
                        {t("supersededBy", { serial: c.supersededBy })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <CertificateActions serial={c.serial} kind={c.kind} status={c.status} canIssue={canIssue} canRevoke={canRevoke} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      <Box sx={{ display: "flex", gap: 2, mt: 2 }}>
        {cursor && (
          <Button href={query({})}>
            {t("firstPage")}
          </Button>
        )}
        {nextCursor && (
          <Button href={query({ cursor: nextCursor })} rel="next">
            {t("nextPage")}
          </Button>
        )}
      </Box>
    </Box>
  );
}
