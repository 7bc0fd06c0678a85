import { getLocale, getTranslations } from "next-intl/server";
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
import { defaultLocalSlaDays, listOfficeChanges, listOffices, listUsers } from "@/lib/admin/queries";
import { shanghaiDateTime } from "@/lib/pdf/format";
import { OfficeEditButton } from "./office-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  await requirePermission("admin:manage");
  const t = await getTranslations("admin");
  const tr = await getTranslations("shell.roles");
  const locale = await getLocale();
  const [offices, users, changes, slaDefaults] = await Promise.all([listOffices(), listUsers(), listOfficeChanges(), defaultLocalSlaDays()]);
  const fieldLabel = (key: string) => t(`fields.${key.replace(".", "")}`);
  const shown = (value: unknown) => (value === null ? t("defaultValue") : value === "" ? t("emptyValue") : String(value));
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {t("title")}
      </Typography>
      <Typography variant="h6" component="h2" gutterBottom>
        {t("offices")}
      </Typography>
      <Paper sx={{ mb: 3, overflowX: "auto" }}>
        <Table size="small" aria-label={t("offices")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("code")}</TableCell>
              <TableCell>{t("officeName")}</TableCell>
              <TableCell>{t("province")}</TableCell>
              <TableCell align="right">{t("approvalLimit")}</TableCell>
              <TableCell align="right">{t("userCount")}</TableCell>
              <TableCell>{t("bankAccount")}</TableCell>
              <TableCell>{t("actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {offices.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{o.code}</TableCell>
                <TableCell>{locale === "en" ? o.nameEn : o.name}</TableCell>
                <TableCell>{o.province}</TableCell>
                <TableCell align="right">{o.approvalLimit}</TableCell>
                <TableCell align="right">{o.userCount}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant={o.bankOnFile ? "filled" : "outlined"}
                    color={o.bankOnFile ? "success" : "warning"}
                    label={o.bankOnFile ? t("bankOnFile") : t("bankNotOnFile")}
                    data-testid={`bank-status-${o.code}`}
                  />
                </TableCell>
                <TableCell>
                  <OfficeEditButton office={o} slaDefaults={slaDefaults} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Typography variant="h6" component="h2" gutterBottom>
        {t("changes")}
      </Typography>
      <Paper sx={{ mb: 3, overflowX: "auto" }}>
        {changes.length === 0 ? (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t("changesEmpty")}
          </Typography>
        ) : (
          <Table size="small" aria-label={t("changes")} data-testid="office-changes">
            <TableHead>
              <TableRow>
                <TableCell>{t("changeAt")}</TableCell>
                <TableCell>{t("officeName")}</TableCell>
                <TableCell>{t("changeBy")}</TableCell>
                <TableCell>{t("changeWhat")}</TableCell>
                <TableCell>{t("changeReason")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.map((c) => {
                const before = (c.before ?? {}) as Record<string, unknown>;
                const after = (c.after ?? {}) as Record<string, unknown>;
                return (
                  <TableRow key={c.id}>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{shanghaiDateTime(c.at)}</TableCell>
                    <TableCell>
                      {c.office.code} {locale === "en" ? c.office.nameEn : c.office.name}
                    </TableCell>
                    <TableCell>{c.actorName}</TableCell>
                    <TableCell>
                      {Object.keys(after).map((key) => (
                        <Box key={key}>
                          {fieldLabel(key)}: {shown(before[key])} → {shown(after[key])}
                        </Box>
                      ))}
                    </TableCell>
                    <TableCell>{c.reason ?? ""}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Paper>
      <Typography variant="h6" component="h2" gutterBottom>
        {t("users")}
      </Typography>
      <Paper sx={{ overflowX: "auto" }}>
        <Table size="small" aria-label={t("users")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("username")}</TableCell>
              <TableCell>{t("name")}</TableCell>
              <TableCell>{t("role")}</TableCell>
              <TableCell>{t("office")}</TableCell>
              <TableCell>{t("status")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => {
              const locked = u.lockedUntil !== null && u.lockedUntil > new Date();
              return (
                <TableRow key={u.id}>
                  <TableCell>{u.username}</TableCell>
                  <TableCell>{u.name}</TableCell>
                  <TableCell>{tr(u.role)}</TableCell>
                  <TableCell>{locale === "en" ? u.office.nameEn : u.office.name}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={!u.active ? "default" : locked ? "warning" : "success"}
                      label={!u.active ? t("inactive") : locked ? t("locked") : t("active")}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
