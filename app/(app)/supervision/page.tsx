import { getTranslations } from "next-intl/server";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("shell.nav"))("supervision") };
}

export default async function Page() {
  await requirePermission("audit:read");
  const t = await getTranslations("shell.nav");
  return (
    <Typography variant="h5" component="h1" gutterBottom>
      {t("supervision")}
    </Typography>
  );
}
