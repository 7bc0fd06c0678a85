"use client";
import { useCallback, useEffect, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { BatchView } from "@/lib/certificates/batch";
import type { CertificateFilter } from "@/lib/certificates/queries";
import { startBatchAction } from "./actions";

const POLL_MS = 1000;

/**
 * Batch printing of everything the current filter selects: starts a background job, polls its
 * progress, and offers the single merged PDF when it is done.
 */
export function BatchPrint({ filter, filterText, latest }: { filter: CertificateFilter; filterText: string; latest: BatchView | null }) {
  const t = useTranslations("certificates.batch");
  const [batch, setBatch] = useState<BatchView | null>(latest);
  const [error, setError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const active = batch && (batch.status === "QUEUED" || batch.status === "RUNNING");

  const poll = useCallback(async (id: string) => {
    const response = await fetch(`/api/v1/certificates/batches/${id}`, { cache: "no-store" });
    if (response.ok) setBatch((await response.json()) as BatchView);
  }, []);

  useEffect(() => {
    if (!active || !batch) return;
    const timer = setTimeout(() => void poll(batch.id), POLL_MS);
    return () => clearTimeout(timer);
  }, [active, batch, poll]);

  const start = () =>
    startTransition(async () => {
      setError(null);
      const result = await startBatchAction(filter);
      if (result.ok) setBatch(result.value);
      else setError(result.message);
    });

  return (
    <Paper component="section" aria-labelledby="batch-title" sx={{ p: 2, mb: 2 }}>
      <Typography id="batch-title" variant="h6" component="h2" gutterBottom>
        {t("title")}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t("selection", { filter: filterText })}
      </Typography>
      <Button variant="contained" onClick={start} disabled={starting || Boolean(active)} data-testid="batch-start">
        {t("start")}
      </Button>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      {batch && (
        <Box sx={{ mt: 2 }} data-testid="batch-status" data-status={batch.status}>
          <Typography variant="body2" id="batch-progress-label">
            {t(`status.${batch.status}`)} — {t("progress", { done: batch.status === "DONE" ? batch.total : batch.done, total: batch.total })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={batch.percent}
            aria-labelledby="batch-progress-label"
            aria-valuetext={`${batch.percent}%`}
            data-testid="batch-progress"
            sx={{ my: 1, height: 8, borderRadius: 1 }}
          />
          {batch.status === "DONE" && (
            <Button href={`/api/v1/certificates/batches/${batch.id}/pdf`} target="_blank" rel="noopener" variant="outlined" data-testid="batch-download">
              {t("download", { total: batch.total })}
            </Button>
          )}
          {batch.status === "FAILED" && <Alert severity="error">{t("failed", { error: batch.error ?? "" })}</Alert>}
        </Box>
      )}
    </Paper>
  );
}
