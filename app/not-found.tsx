import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import { LinkButton } from "@/components/link-button";
import Typography from "@mui/material/Typography";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <Box component="main" sx={{ p: 6, textAlign: "center" }}>
      <Typography variant="h4" component="h1" gutterBottom>
        404 · {t("notFound")}
      </Typography>
      <LinkButton href="/" variant="contained">
        {t("backHome")}
      </LinkButton>
    </Box>
  );
}
