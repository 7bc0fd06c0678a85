"use client";
import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionAlert } from "./action-alert";
import { FormDialogButton } from "./form-dialog";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { addHolidayAction, removeHolidayAction, type ActionResult } from "./actions";

export interface CalendarDay {
  id: string;
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
  officeId: string | null;
}
export interface CalendarOffice {
  id: string;
  code: string;
  name: string;
}

const kinds = ["HOLIDAY", "WORKDAY"] as const;

/**
 * The holiday calendar of one year: the national rows, and the chosen office's own rows; the
 * years on file; a form to add a day and a Remove button per day.
 */
export function CalendarSection(props: {
  year: number;
  officeId: string | null;
  offices: CalendarOffice[];
  days: CalendarDay[];
  covered: Array<{ year: number; officeId: string | null; days: number }>;
}) {
  const { year, officeId, offices, days, covered } = props;
  const t = useTranslations("admin");
  const router = useRouter();
  const show = (y: number, o: string | null) => router.push(`/admin?year=${y}${o ? `&office=${o}` : ""}#calendar`);
  const officeCode = (id: string | null) => (id === null ? t("national") : offices.find((o) => o.id === id)?.code ?? "?");
  // Around the year shown and every year on file: the same list on the server and in the browser.
  const years = [...new Set([...Array.from({ length: 7 }, (_, i) => year - 3 + i), ...covered.map((c) => c.year)])];
  return (
    <Box id="calendar" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {t("calendar")}
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }} data-testid="calendar-note">
        {t("calendarHelp")}
      </Alert>
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", mb: 2, alignItems: "center" }}>
        <TextField select size="small" label={t("calendarYear")} value={year} onChange={(e) => show(Number(e.target.value), officeId)} sx={{ minWidth: 120 }}
          slotProps={{ htmlInput: { "data-testid": "calendar-year" } }}>
          {years.sort((a, b) => a - b).map((y) => (
            <MenuItem key={y} value={y}>{y}</MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t("calendarOffice")} value={officeId ?? ""} onChange={(e) => show(year, e.target.value || null)} sx={{ minWidth: 260 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { "data-testid": "calendar-office" } }}>
          <MenuItem value="">{t("calendarNational")}</MenuItem>
          {offices.map((o) => (
            <MenuItem key={o.id} value={o.id} data-testid={`calendar-office-${o.code}`}>
              {o.code} {o.name}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center" }} data-testid="covered-years">
          <Typography variant="body2" color="text.secondary">{t("coveredYears")}:</Typography>
          {covered.length === 0 && <Typography variant="body2">{t("coveredNone")}</Typography>}
          {covered.map((c) => (
            <Chip key={`${c.year}-${c.officeId}`} size="small" variant={c.year === year ? "filled" : "outlined"} onClick={() => show(c.year, c.officeId ?? officeId)}
              label={`${officeCode(c.officeId)} · ${t("coveredYear", { year: c.year, days: c.days })}`} />
          ))}
        </Box>
      </Box>
      <AddHolidayForm offices={offices} officeId={officeId} />
      <Paper sx={{ overflowX: "auto" }}>
        {days.length === 0 ? (
          <Typography sx={{ p: 2 }} color="text.secondary">{t("calendarEmpty", { year })}</Typography>
        ) : (
          <Table size="small" aria-label={t("calendar")} data-testid="calendar-days">
            <TableHead>
              <TableRow>
                <TableCell>{t("holidayDate")}</TableCell>
                <TableCell>{t("holidayKind")}</TableCell>
                <TableCell>{t("holidayName")}</TableCell>
                <TableCell>{t("holidayScope")}</TableCell>
                <TableCell>{t("actions")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.id} data-testid={`day-${d.date}-${d.officeId === null ? "national" : officeCode(d.officeId)}`}>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{d.date}</TableCell>
                  <TableCell>{t(`kinds.${d.kind}`)}</TableCell>
                  <TableCell>{d.name}</TableCell>
                  <TableCell>{officeCode(d.officeId)}</TableCell>
                  <TableCell>
                    <RemoveHolidayButton day={d} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}

function AddHolidayForm({ offices, officeId }: { offices: CalendarOffice[]; officeId: string | null }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<ActionResult, FormData>(addHolidayAction, { ok: true });
  const [values, setValues] = useState({ date: "", kind: "HOLIDAY", name: "", officeId: officeId ?? "", reason: "" });
  const err = (name: string) => state.fieldErrors?.[name];
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));
  return (
    <Paper component="form" action={action} noValidate sx={{ p: 2, mb: 2 }} data-testid="add-holiday">
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>{t("addHoliday")}</Typography>
      <ActionAlert state={state} testIds={{ ok: "holiday-saved", error: "holiday-error" }} />
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "flex-start" }}>
        <TextField name="date" type="date" label={t("holidayDate")} size="small" value={values.date} onChange={set("date")} error={!!err("date")} helperText={err("date")}
          sx={{ flex: "1 1 180px" }} slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "holiday-date" } }} />
        <TextField select name="kind" label={t("holidayKind")} size="small" value={values.kind} onChange={set("kind")} error={!!err("kind")} helperText={err("kind")}
          sx={{ flex: "1 1 260px" }} slotProps={{ htmlInput: { "data-testid": "holiday-kind" } }}>
          {kinds.map((k) => (
            <MenuItem key={k} value={k}>{t(`kinds.${k}`)}</MenuItem>
          ))}
        </TextField>
        <TextField select name="officeId" label={t("holidayScope")} size="small" value={values.officeId} onChange={set("officeId")} error={!!err("officeId")} helperText={err("officeId")}
          sx={{ flex: "1 1 220px" }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { "data-testid": "holiday-office" } }}>
          <MenuItem value="">{t("national")}</MenuItem>
          {offices.map((o) => (
            <MenuItem key={o.id} value={o.id}>{o.code} {o.name}</MenuItem>
          ))}
        </TextField>
        <TextField name="name" label={t("holidayName")} size="small" value={values.name} onChange={set("name")} error={!!err("name")} helperText={err("name")}
          sx={{ flex: "1 1 200px" }} slotProps={{ htmlInput: { "data-testid": "holiday-name" } }} />
        <TextField name="reason" label={t("reason")} size="small" value={values.reason} onChange={set("reason")} error={!!err("reason")} helperText={err("reason")}
          sx={{ flex: "1 1 240px" }} slotProps={{ htmlInput: { "data-testid": "holiday-reason" } }} />
        <Button type="submit" variant="contained" disabled={pending} data-testid="holiday-add">{t("add")}</Button>
      </Box>
    </Paper>
  );
}

function RemoveHolidayButton({ day }: { day: CalendarDay }) {
  const t = useTranslations("admin");
  return (
    <FormDialogButton label={t("remove")} color="error" title={t("removeTitle", { date: day.date, name: day.name })} id={`remove-${day.id}`} testId={`remove-${day.date}`}>
      {(close) => <RemoveForm day={day} onClose={close} />}
    </FormDialogButton>
  );
}

function RemoveForm({ day, onClose }: { day: CalendarDay; onClose: () => void }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState<ActionResult, FormData>(removeHolidayAction.bind(null, day.id), { ok: true });
  const done = state.ok && !!state.message;
  return (
    <form action={action} noValidate>
      <DialogContent dividers>
        <ActionAlert state={state} testIds={{ ok: "holiday-removed", error: "holiday-remove-error" }} />
        <Typography variant="body2" sx={{ mb: 2 }}>{t("removeHelp", { kind: t(`kindAfterRemoval.${day.kind}`) })}</Typography>
        <TextField name="reason" label={t("reason")} size="small" fullWidth error={!!state.fieldErrors?.reason} helperText={state.fieldErrors?.reason}
          slotProps={{ htmlInput: { "data-testid": "remove-reason" } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" color="error" variant="contained" disabled={pending || done} data-testid="remove-confirm">{t("remove")}</Button>
      </DialogActions>
    </form>
  );
}
