import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { getSessionUser } from "@/lib/auth/session";
import { LanguageSwitch } from "@/components/language-switch";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/");
  const t = await getTranslations("login");
  return (
    <Box component="main" sx={{ minHeight: "100vh", display: "grid", placeItems: "center", p: 2 }}>
      <Paper sx={{ p: 4, width: "100%", maxWidth: 420 }} elevation={2}>
        <Box sx={{ display: "flex", justifyContent: "flex-end" }}>
          <LanguageSwitch color="primary" />
        </Box>
        <Typography variant="h5" component="h1" gutterBottom>
          {t("title")}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
          {t("subtitle")}
        </Typography>
        <LoginForm />
      </Paper>
    </Box>
  );
}
