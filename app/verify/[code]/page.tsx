import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Container from "@mui/material/Container";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { verifyCertificate } from "@/lib/certificates/verify";
import { parseSignedParams } from "@/lib/certificates/signing";
import { groupCode, shanghaiDateTime } from "@/lib/pdf/format";

// Every visit is a verification and is logged: never cached, never prerendered.
export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("verify"))("title"), robots: { index: false } };
}

const statusColor = { valid: "success", revoked: "error", superseded: "warning" } as const;

/** What the QR code opens: public, no login, masked personal data only. */
export default async function VerifyPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const signed = parseSignedParams(one(query.p), one(query.s));
  const result = await verifyCertificate(code, { channel: "page", signed });
  if (!result) notFound();
  const t = await getTranslations("verify");
  const tk = await getTranslations("certificates.kinds");
  const locale = await getLocale();
  const rows: [string, string][] = [
    [t("serial"), result.serial],
    [t("kind"), tk(result.kind)],
    [t("office"), locale === "en" ? `${result.office.nameEn} (${result.office.code})` : `${result.office.name}（${result.office.code}）`],
    [t("issuedAt"), `${shanghaiDateTime(new Date(result.issuedAt))} (Asia/Shanghai)`],
    [t("name"), result.name],
    [t("idNumber"), result.idNumber],
    [t("code"), groupCode(code.toUpperCase().replace(/[\s-]/g, ""))],
  ];
  if (result.revokedAt) rows.push([t("revokedAt"), `${shanghaiDateTime(new Date(result.revokedAt))} (Asia/Shanghai)`]);
  if (result.supersededBy) rows.push([t("supersededBy"), result.supersededBy]);
  return (
    <Container maxWidth="sm" component="main" sx={{ py: 4 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t("title")}
      </Typography>
      <Paper sx={{ p: 3 }}>
        <Box sx={{ mb: 2 }} data-testid="verify-status" data-status={result.status}>
          <Chip color={statusColor[result.status]} label={t(`status.${result.status}`)} sx={{ fontSize: "1.1rem", py: 2.5, px: 1 }} />
          <Typography sx={{ mt: 1 }}>{t(`explain.${result.status}`)}</Typography>
        </Box>
        {result.signature && (
          <Alert severity={result.signature === "valid" ? "success" : "error"} sx={{ mb: 2 }} data-testid="verify-signature">
            {t(`signature.${result.signature}`)}
          </Alert>
        )}
        <Box component="dl" sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 3, rowGap: 1, m: 0 }}>
          {rows.map(([label, value]) => (
            <Box key={label} sx={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </Box>
          ))}
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {t("privacy")}
        </Typography>
      </Paper>
    </Container>
  );
}
