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
import { listOffices, listUsers } from "@/lib/admin/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  await requirePermission("admin:manage");
  const t = await getTranslations("admin");
  const tr = await getTranslations("shell.roles");
  const locale = await getLocale();
  const [offices, users] = await Promise.all([listOffices(), listUsers()]);
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
            </TableRow>
          </TableHead>
          <TableBody>
            {offices.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{o.code}</TableCell>
                <TableCell>{locale === "en" ? o.nameEn : o.name}</TableCell>
                <TableCell>{o.province}</TableCell>
                <TableCell align="right">{o.approvalLimit.toFixed(2)}</TableCell>
                <TableCell align="right">{o._count.users}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
