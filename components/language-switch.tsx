"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import Button from "@mui/material/Button";
import TranslateIcon from "@mui/icons-material/Translate";
import { setLocale } from "@/app/actions";

export function LanguageSwitch({ color = "inherit" }: { color?: "inherit" | "primary" }) {
  const locale = useLocale();
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      disabled={pending}
      onClick={() => start(async () => { await setLocale(next); router.refresh(); })}
      aria-label={t("switchLanguage")}
      lang={next}
      data-testid="language-switch"
    >
      {next === "en" ? "English" : "中文"}
    </Button>
  );
}
