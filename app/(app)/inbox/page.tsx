import { getTranslations } from "next-intl/server";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("shell.nav"))("inbox") };
}

export default async function Page() {
  await requirePermission("case:work");
  const t = await getTranslations("shell.nav");
  return (
    <Typography variant="h5" component="h1" gutterBottom>
      {t("inbox")}
    </Typography>
  );
}
