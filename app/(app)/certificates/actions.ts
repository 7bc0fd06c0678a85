"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { revokeCertificate, supersedeCertificate } from "@/lib/certificates/certificates";
import { createBatch, type BatchView } from "@/lib/certificates/batch";
import { enqueueBatch } from "@/lib/certificates/batch-queue";
import { certificateFilterSchema } from "@/lib/certificates/queries";
import { publicBaseUrl } from "@/lib/certificates/public-url";
import { zodFailure } from "@/lib/service";
import { failureResult as failed, type ActionResult } from "../action-result";

async function requestOrigin(): Promise<string | null> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  return host ? `${h.get("x-forwarded-proto") ?? "http"}://${host}` : null;
}

export async function revokeAction(serial: string, reason: string): Promise<ActionResult> {
  const user = await requireUser();
  const result = await revokeCertificate(user, String(serial), reason);
  if (!result.ok) return failed(result.error);
  revalidatePath("/certificates");
  return { ok: true, message: (await getTranslations("certificates"))("revoked", { serial: result.value.serial }) };
}

export async function supersedeAction(serial: string, reason: string): Promise<ActionResult<{ value: { serial: string } }>> {
  const user = await requireUser();
  const result = await supersedeCertificate(user, String(serial), reason, { baseUrl: publicBaseUrl(await requestOrigin()) });
  if (!result.ok) return failed(result.error);
  revalidatePath("/certificates");
  return {
    ok: true,
    value: { serial: result.value.serial },
    message: (await getTranslations("certificates"))("superseded", { serial: result.value.supersedes, newSerial: result.value.serial }),
  };
}

export async function startBatchAction(filterInput: unknown): Promise<ActionResult<{ value: BatchView }>> {
  const user = await requireUser();
  const filter = certificateFilterSchema.safeParse(filterInput);
  if (!filter.success) return failed(zodFailure(filter.error));
  const result = await createBatch(user, filter.data, enqueueBatch);
  if (!result.ok) return failed(result.error);
  return { ok: true, value: result.value };
}
