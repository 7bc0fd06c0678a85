import { getTranslations } from "next-intl/server";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { LinkButton } from "@/components/link-button";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listCases, listFiltersSchema } from "@/lib/cases";
import { caseStatuses, caseTypes } from "@/lib/workflow";
import { CaseTable } from "@/components/case-table";
import { listStaff } from "@/lib/supervision/queries";
import { ReassignableCaseTable } from "../supervision/reassign-form";

export async function generateMetadata() {
  return { title: (await getTranslations("caseList"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function CasesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("case:read");
  const t = await getTranslations("caseList");
  const tt = await getTranslations("case");
  const raw = await searchParams;
  const params = Object.fromEntries(
    Object.entries(raw).flatMap(([k, v]) => {
      const value = Array.isArray(v) ? v[0] : v;
      return value ? [[k, value]] : [];
    }),
  );
  const parsed = listFiltersSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : {};
  const { items, nextCursor } = await listCases(user, filters);
  const { cursor: _cursor, ...withoutCursor } = params;
  const nextHref = nextCursor ? `/cases?${new URLSearchParams({ ...withoutCursor, cursor: nextCursor })}` : null;
  const field = { size: "small" as const, sx: { minWidth: 160 } };
  const exportHref = `/api/v1/cases/export?${new URLSearchParams(withoutCursor)}`;
  const te = await getTranslations("supervision.export");
  const staff = can(user, "case:reassign") ? await listStaff(user, ["caseworker", "supervisor"]) : null;
  return (
    <Box>
      <Box sx={{ display: "flex", alignItems: "center", mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t("title")}
        </Typography>
        <Button component="a" href={exportHref} sx={{ mr: 1 }} data-testid="export-csv">
          {te("csv")}
        </Button>
        {can(user, "person:read-full-id") && (
          <Button component="a" href={`${exportHref}${exportHref.endsWith("?") ? "" : "&"}fullIds=true`} sx={{ mr: 1 }}>
            {te("csvFull")}
          </Button>
        )}
        {can(user, "case:create") && (
          <LinkButton href="/cases/new" variant="contained">
            {t("newCase")}
          </LinkButton>
        )}
      </Box>
      <Paper component="form" action="/cases" role="search" aria-label={t("filters")} sx={{ p: 2, mb: 2, display: "flex", flexWrap: "wrap", gap: 2 }}>
        <TextField name="q" label={t("search")} defaultValue={params.q ?? ""} {...field} sx={{ minWidth: 260 }} slotProps={{ htmlInput: { maxLength: 64 } }} />
        <TextField select name="type" label={t("type")} defaultValue={params.type ?? ""} {...field}>
          <MenuItem value="">{t("any")}</MenuItem>
          {caseTypes.map((c) => (
            <MenuItem key={c} value={c}>{tt(`types.${c}`)}</MenuItem>
          ))}
        </TextField>
        <TextField select name="status" label={t("status")} defaultValue={params.status ?? ""} {...field}>
          <MenuItem value="">{t("any")}</MenuItem>
          {caseStatuses.map((s) => (
            <MenuItem key={s} value={s}>{tt(`statuses.${s}`)}</MenuItem>
          ))}
        </TextField>
        <TextField select name="assignee" label={t("assignee")} defaultValue={params.assignee ?? ""} {...field}>
          <MenuItem value="">{t("any")}</MenuItem>
          <MenuItem value="me">{t("me")}</MenuItem>
          <MenuItem value="none">{t("none")}</MenuItem>
        </TextField>
        <TextField select name="overdue" label={t("overdueOnly")} defaultValue={params.overdue ?? ""} {...field}>
          <MenuItem value="">{t("any")}</MenuItem>
          <MenuItem value="true">{t("overdueOnly")}</MenuItem>
        </TextField>
        <TextField type="date" name="from" label={t("from")} defaultValue={params.from ?? ""} {...field} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField type="date" name="to" label={t("to")} defaultValue={params.to ?? ""} {...field} slotProps={{ inputLabel: { shrink: true } }} />
        <Box sx={{ display: "flex", gap: 1, alignItems: "center" }}>
          <Button type="submit" variant="contained">{t("apply")}</Button>
          <LinkButton href="/cases">{t("reset")}</LinkButton>
        </Box>
      </Paper>
      {!parsed.success && <Alert severity="warning" sx={{ mb: 2 }}>{t("empty")}</Alert>}
      <Paper sx={{ overflowX: "auto" }}>
        {items.length === 0 ? (
          <Typography sx={{ p: 2 }}>{t("empty")}</Typography>
        ) : staff ? (
          <ReassignableCaseTable rows={items} label={t("results")} staff={staff} />
        ) : (
          <CaseTable rows={items} label={t("results")} />
        )}
      </Paper>
      <Box sx={{ display: "flex", gap: 2, mt: 2 }}>
        {params.cursor && <LinkButton href={`/cases?${new URLSearchParams(withoutCursor)}`}>{t("first")}</LinkButton>}
        {nextHref && <LinkButton href={nextHref} variant="outlined">{t("next")}</LinkButton>}
      </Box>
    </Box>
  );
}
