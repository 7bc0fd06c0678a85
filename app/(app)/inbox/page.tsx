import Link from "next/link";
import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import { LinkButton } from "@/components/link-button";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getInbox, inboxQueues } from "@/lib/cases";
import { CaseTable } from "@/components/case-table";

/** The case list showing a queue's cases, as far as its filters can say it. */
const queueList: Record<(typeof inboxQueues)[number], string> = {
  mine: "/cases?assignee=me",
  unassigned: "/cases?status=SUBMITTED&assignee=none",
  approval: "/cases?status=PENDING_APPROVAL",
  overdue: "/cases?overdue=true",
  dueSoon: "/cases",
};

export async function generateMetadata() {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage() {
  const user = await requirePermission("case:work");
  const t = await getTranslations("inbox");
  const tl = await getTranslations("caseList");
  const inbox = await getInbox(user);
  return (
    <Box>
      <Box sx={{ display: "flex", alignItems: "center", mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t("title")}
        </Typography>
        {can(user, "case:create") && (
          <LinkButton href="/cases/new" variant="contained">
            {tl("newCase")}
          </LinkButton>
        )}
      </Box>
      {inboxQueues.map((queue) => (
        <Paper key={queue} component="section" aria-labelledby={`queue-${queue}`} sx={{ mb: 3, overflowX: "auto" }} data-queue={queue}>
          <Typography id={`queue-${queue}`} variant="h6" component="h2" sx={{ px: 2, pt: 1.5 }}>
            {t(queue)} ({inbox[queue].capped ? t("countCapped", { count: inbox[queue].count }) : inbox[queue].count})
          </Typography>
          {inbox[queue].items.length === 0 ? (
            <Typography sx={{ px: 2, pb: 2 }} color="text.secondary">
              {t("empty")}
            </Typography>
          ) : (
            <CaseTable rows={inbox[queue].items} label={t(queue)} />
          )}
          {inbox[queue].count > inbox[queue].items.length && (
            <Typography sx={{ p: 2 }}>
              <Link href={queueList[queue]}>{t(inbox[queue].capped ? "moreCapped" : "more", { count: inbox[queue].count })}</Link>
            </Typography>
          )}
        </Paper>
      ))}
    </Box>
  );
}
