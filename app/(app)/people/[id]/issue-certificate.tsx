"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { issueCertificateAction, type IssueResult } from "./certificate-actions";

/** "Issue certificate" on the person page: issues, then links the PDF. */
export function IssueCertificate({ personId }: { personId: string }) {
  const t = useTranslations("certificates");
  const [result, setResult] = useState<IssueResult | null>(null);
  const [busy, startTransition] = useTransition();
  return (
    <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap", mb: 2 }}>
      <Button
        variant="contained"
        disabled={busy}
        data-testid="issue-certificate"
        onClick={() => startTransition(async () => setResult(await issueCertificateAction(personId)))}
      >
        {t("issue")}
      </Button>
      {result && (
        <Alert severity={result.ok ? "success" : "error"} role="status" data-testid="issue-result" data-serial={result.ok ? result.serial : undefined}>
          {result.message}{" "}
          {result.ok && (
            <a href={result.pdfUrl} target="_blank" rel="noopener" data-testid="issued-pdf">
              {t("openPdf")}
            </a>
          )}
        </Alert>
      )}
    </Box>
  );
}
