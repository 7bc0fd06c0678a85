"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const errors = {
      username: username ? undefined : t("usernameRequired"),
      password: password ? undefined : t("passwordRequired"),
    };
    setFieldErrors(errors);
    setError(null);
    if (errors.username || errors.password) return;
    setPending(true);
    const result = await signIn("credentials", { redirect: false, username, password });
    setPending(false);
    if (!result || result.error) {
      setError(t("failed"));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack spacing={2}>
        {error && (
          <Alert severity="error" role="alert" data-testid="login-error">
            {error}
          </Alert>
        )}
        <TextField
          name="username"
          label={t("username")}
          autoComplete="username"
          required
          error={!!fieldErrors.username}
          helperText={fieldErrors.username}
          slotProps={{ htmlInput: { maxLength: 64 } }}
        />
        <TextField
          name="password"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          required
          error={!!fieldErrors.password}
          helperText={fieldErrors.password}
          slotProps={{ htmlInput: { maxLength: 256 } }}
        />
        <Button type="submit" variant="contained" size="large" disabled={pending}>
          {pending ? t("signingIn") : t("submit")}
        </Button>
      </Stack>
    </form>
  );
}
