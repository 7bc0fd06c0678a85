import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { LinkButton } from "@/components/link-button";

const sections = [
  { key: "dashboard", href: "/supervision", permission: "dashboard:read" },
  { key: "audit", href: "/supervision/audit", permission: "audit:read" },
  { key: "samples", href: "/supervision/samples", permission: "audit:sample" },
] as const;

/** The heading and the sub-sections of supervision this user may open (from the permission table). */
export async function SupervisionHeader({ user, current, title }: { user: SessionUser; current: (typeof sections)[number]["key"]; title: string }) {
  const t = await getTranslations("supervision.nav");
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {title}
      </Typography>
      <Box component="nav" aria-label={t("label")} sx={{ display: "flex", gap: 1, flexWrap: "wrap" }} className="no-print">
        {sections
          .filter((s) => can(user, s.permission))
          .map((s) => (
            <LinkButton key={s.key} href={s.href} variant={s.key === current ? "contained" : "outlined"} size="small">
              {t(s.key)}
            </LinkButton>
          ))}
      </Box>
    </Box>
  );
}
