"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { ReasonDialog } from "./reason-dialog";
import { revokeAction, supersedeAction } from "./actions";

type Dialog = "reprint" | "revoke" | "supersede" | null;

/** Download, reprint with a reason, and (supervisors) revoke or correct one certificate. */
export function CertificateActions({
  serial,
  kind,
  status,
  canIssue,
  canRevoke,
}: {
  serial: string;
  kind: string;
  status: string;
  canIssue: boolean;
  canRevoke: boolean;
}) {
  const t = useTranslations("certificates");
  const locale = useLocale();
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();
  const valid = status === "VALID";

  const close = () => {
    setDialog(null);
    setError(undefined);
  };

  // The reprint is a POST that returns the PDF: fetch it and hand it to the browser.
  const reprint = (reason: string) =>
    startTransition(async () => {
      const response = await fetch(`/api/v1/certificates/${serial}/reprint`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": locale },
        body: JSON.stringify({ reason }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message: string; issues?: { path: string; message: string }[] } } | null;
        setError(body?.error?.issues?.find((i) => i.path === "reason")?.message ?? body?.error?.message ?? t("failed"));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = `${serial}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      close();
      setMessage({ severity: "success", text: t("reprinted", { serial }) });
    });

  const run = (action: typeof revokeAction | typeof supersedeAction, reason: string) =>
    startTransition(async () => {
      const result = await action(serial, reason);
      if (!result.ok) {
        setError(result.fieldErrors?.reason ?? result.message);
        return;
      }
      close();
      setMessage({ severity: "success", text: result.message ?? "" });
      router.refresh();
    });

  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center" }}>
      <Button size="small" href={`/api/v1/certificates/${serial}/pdf`} target="_blank" rel="noopener" aria-label={t("downloadLabel", { serial })}>
        {t("download")}
      </Button>
      {canIssue && valid && (
        <Button size="small" onClick={() => setDialog("reprint")} aria-label={t("reprintLabel", { serial })}>
          {t("reprint")}
        </Button>
      )}
      {canRevoke && valid && (
        <Button size="small" color="error" onClick={() => setDialog("revoke")} aria-label={t("revokeLabel", { serial })}>
          {t("revoke")}
        </Button>
      )}
      {canRevoke && valid && kind === "CERTIFICATE" && (
        <Button size="small" onClick={() => setDialog("supersede")} aria-label={t("supersedeLabel", { serial })}>
          {t("supersede")}
        </Button>
      )}
      {message && (
        <Alert severity={message.severity} role="status" onClose={() => setMessage(null)} sx={{ py: 0 }}>
          {message.text}
        </Alert>
      )}
      <ReasonDialog
        key={dialog ?? "closed"}
        open={dialog !== null}
        title={dialog ? t(`${dialog}Title`, { serial }) : ""}
        description={dialog ? t(`${dialog}Description`) : ""}
        confirmLabel={dialog ? t(dialog) : ""}
        busy={busy}
        error={error}
        onCancel={close}
        onConfirm={(reason) => {
          if (dialog === "reprint") reprint(reason);
          else if (dialog === "revoke") run(revokeAction, reason);
          else if (dialog === "supersede") run(supersedeAction, reason);
        }}
      />
    </Box>
  );
}
