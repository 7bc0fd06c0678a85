import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import { LinkButton } from "@/components/link-button";
import Typography from "@mui/material/Typography";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <Box component="main" sx={{ p: 6, textAlign: "center" }}>
      <Typography variant="h4" component="h1" gutterBottom>
        403 · {t("forbiddenTitle")}
      </Typography>
      <Typography sx={{ mb: 3 }}>{t("forbidden")}</Typography>
      <LinkButton href="/" variant="contained">
        {t("backHome")}
      </LinkButton>
    </Box>
  );
}
