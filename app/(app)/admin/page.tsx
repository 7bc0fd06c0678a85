import type { ReactNode } from "react";
import { forbidden } from "next/navigation";
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
import { adminOverview } from "@/lib/admin/queries";
import { shanghaiDateTime } from "@/lib/pdf/format";
import { OfficeEditButton } from "./office-dialog";
import { CalendarSection } from "./calendar-section";
import { RatesSection } from "./rates-section";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("admin:manage");
  const overview = await adminOverview(user, await searchParams);
  if (!overview.ok) forbidden();
  const { year, officeId, offices, users, changes, slaDefaults, days, covered, rates, referenceChanges } = overview.value;
  const t = await getTranslations("admin");
  const tr = await getTranslations("shell.roles");
  const locale = await getLocale();
  const calendarOffices = offices.map((o) => ({ id: o.id, code: o.code, name: locale === "en" ? o.nameEn : o.name }));
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
      <ChangeLog
        title={t("changes")} empty={t("changesEmpty")} testId="office-changes"
        headers={[t("changeAt"), t("officeName"), t("changeBy"), t("changeWhat"), t("changeReason")]}
        rows={changes.map((c) => {
          const before = (c.before ?? {}) as Record<string, unknown>;
          const after = (c.after ?? {}) as Record<string, unknown>;
          return {
            id: c.id,
            cells: [
              shanghaiDateTime(c.at),
              `${c.office.code} ${locale === "en" ? c.office.nameEn : c.office.name}`,
              c.actorName,
              Object.keys(after).map((key) => (
                <Box key={key}>
                  {fieldLabel(key)}: {shown(before[key])} → {shown(after[key])}
                </Box>
              )),
              c.reason ?? "",
            ],
          };
        })}
      />
      <CalendarSection year={year} officeId={officeId} offices={calendarOffices} days={days} covered={covered} />
      <RatesSection rates={rates} />
      <ChangeLog
        title={t("referenceChanges")} empty={t("referenceChangesEmpty")} testId="reference-changes"
        headers={[t("changeAt"), t("changeBy"), t("referenceWhat"), t("changeWhat"), t("changeReason")]}
        rows={referenceChanges.map((c) => {
          const before = (c.before ?? {}) as Record<string, unknown>;
          const after = (c.after ?? {}) as Record<string, unknown>;
          const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== "officeId" && k !== "date");
          return {
            id: c.id,
            cells: [
              shanghaiDateTime(c.at),
              c.actorName,
              `${t(`tables.${c.table === "holiday" ? "holiday" : "creditingRate"}`)} ${c.subject} ${t(`referenceActions.${c.action === "remove" ? "remove" : c.action === "correct" ? "correct" : "add"}`)}`,
              keys.map((key) => (
                <Box key={key}>
                  {key}: {c.before === null ? "" : `${shown(before[key] ?? null)} → `}{c.after === null ? "—" : shown(after[key] ?? null)}
                </Box>
              )),
              c.reason ?? "",
            ],
          };
        })}
      />
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

/** An append-only change table as the page shows it: newest first, or a line saying there is none. */
function ChangeLog(props: { title: string; empty: string; testId: string; headers: string[]; rows: Array<{ id: string; cells: ReactNode[] }> }) {
  return (
    <>
      <Typography variant="h6" component="h2" gutterBottom>
        {props.title}
      </Typography>
      <Paper sx={{ mb: 3, overflowX: "auto" }}>
        {props.rows.length === 0 ? (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {props.empty}
          </Typography>
        ) : (
          <Table size="small" aria-label={props.title} data-testid={props.testId}>
            <TableHead>
              <TableRow>
                {props.headers.map((h) => (
                  <TableCell key={h}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {props.rows.map((row) => (
                <TableRow key={row.id}>
                  {row.cells.map((cell, i) => (
                    <TableCell key={i} sx={i === 0 ? { whiteSpace: "nowrap" } : undefined}>
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </>
  );
}
