import { getTranslations } from "next-intl/server";
import Typography from "@mui/material/Typography";
import { requirePermission } from "@/lib/auth/session";
import { surrenderGrounds, payeeRelationships } from "@/lib/cases/schemas";
import { IntakeForm } from "./intake-form";

export async function generateMetadata() {
  return { title: (await getTranslations("intake"))("title") };
}

export default async function NewCasePage({ searchParams }: { searchParams: Promise<{ type?: string; idNumber?: string }> }) {
  await requirePermission("case:create");
  const t = await getTranslations("intake");
  const sp = await searchParams;
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        {t("title")}
      </Typography>
      <IntakeForm
        grounds={[...surrenderGrounds]}
        relationships={[...payeeRelationships]}
        initialType={["SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN"].includes(sp.type ?? "") ? sp.type! : "SURRENDER"}
        initialIdNumber={typeof sp.idNumber === "string" ? sp.idNumber.slice(0, 18) : ""}
      />
    </>
  );
}
