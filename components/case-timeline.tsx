"use client";
import { useTranslations } from "next-intl";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";

export interface TimelineEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  reason?: string;
}

/** The case's history, oldest first, every entry with who and when (Beijing time, labelled). */
export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const t = useTranslations("casePage");
  const ta = useTranslations("case.actions");
  const ts = useTranslations("case.statuses");
  return (
    <>
      <Typography variant="caption" color="text.secondary">{t("timeZone")}</Typography>
      <List dense aria-label={t("timeline")}>
        {events.map((e) => (
          <ListItem key={e.seq} divider data-event={e.action}>
            <ListItemText
              primary={`${ta.has(e.action) ? ta(e.action) : e.action}${e.from && e.to && e.from !== e.to ? ` · ${ts(e.from)} → ${ts(e.to)}` : e.to && !e.from ? ` · ${ts(e.to)}` : ""}`}
              secondary={`${e.at.replace("T", " ").slice(0, 19)} (UTC+8) · ${e.actor}${e.reason ? ` · ${t("reason")}: ${e.reason}` : ""}`}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
