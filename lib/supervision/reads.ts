import { can } from "@/lib/auth/permissions";
import { asResult, fail, type Actor, type Result } from "@/lib/service";
import { getSample, listSamples, type SampleView } from "./queries";
import { getSampleItem, type SampleItemView } from "./sample-item";

/**
 * The audit sample reads as services (decision 0011): each checks `audit:sample` itself and
 * answers not found for another office's row, so the routes and pages only translate. The
 * queries below them (queries.ts, sample-item.ts) scope by office and check nothing.
 */
export function samplesOf(actor: Actor, take?: number): Promise<Result<Awaited<ReturnType<typeof listSamples>>>> {
  return asResult(async () => {
    if (!can(actor, "audit:sample")) fail("forbidden", "errors.forbidden");
    return listSamples(actor, take);
  });
}

export function sampleOf(actor: Actor, id: string): Promise<Result<SampleView>> {
  return asResult(async () => {
    if (!can(actor, "audit:sample")) fail("forbidden", "errors.forbidden");
    const sample = await getSample(actor, id);
    if (!sample) fail("not_found", "errors.notFound");
    return sample;
  });
}

/** A sampled case for its blind re-review (the original decision only once reviewed). */
export function sampleItemOf(actor: Actor, itemId: string): Promise<Result<SampleItemView>> {
  return asResult(async () => {
    if (!can(actor, "audit:sample")) fail("forbidden", "errors.forbidden");
    const item = await getSampleItem(actor, itemId);
    if (!item) fail("not_found", "errors.notFound");
    return item;
  });
}
