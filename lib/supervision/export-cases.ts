import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { asResult, fail, zodFailure, type Actor, type Result } from "@/lib/service";
import { db } from "@/lib/db/client";
import type { OfficeScoped } from "@/lib/db/scope";
import { isoShanghai } from "@/lib/cases/clock";
import { listCases, listFiltersSchema, type ListFilters } from "@/lib/cases/queries";
import type { Translator } from "@/lib/i18n/translate";
import { revealIdNumber } from "@/lib/people/queries";
import { maskIdNumber } from "@/lib/people/mask";

/**
 * The case list as CSV: the same filters as the list (listFiltersSchema; its paging ignored), read
 * page by page on the list's keyset and streamed, so a year of cases never sits in memory.
 * UTF-8 with a byte-order mark, which is what makes Excel open Chinese text correctly.
 *
 * ID numbers are masked, as in every list. A user allowed to see full numbers may ask for them
 * (`fullIds=true`); each number sent is then logged in AccessLog like a view on the person page.
 */
export const exportFiltersSchema = listFiltersSchema.extend({
  fullIds: z.enum(["true", "false"], { message: "validation.invalid" }).optional(),
});
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

const PAGE = 200;
export const BOM = "\uFEFF";

/** One CSV field: quoted when needed; a leading = + - @ is defused so Excel never runs it. */
export function csvField(value: string | null | undefined): string {
  let v = value ?? "";
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (fields: Array<string | null | undefined>) => `${fields.map(csvField).join(",")}\r\n`;

const columns = ["caseNumber", "type", "status", "person", "idNumber", "assignee", "dueDate", "amount", "createdAt"] as const;

export function exportFileName(officeCode: string, now: Date): string {
  return `cases-${officeCode}-${isoShanghai(now).slice(0, 10)}.csv`;
}

/**
 * The CSV as a stream of UTF-8 bytes. `pull` fetches the next page only when the client reads,
 * so a slow download holds no more than one page.
 */
export function casesCsvStream(
  user: OfficeScoped & { id: string },
  options: { filters: ExportFilters; fullIds: boolean; t: Translator; now?: Date },
): ReadableStream<Uint8Array> {
  // The list's URL may be copied with its paging: an export is always the whole list.
  const { fullIds: _flag, cursor: _cursor, limit: _limit, ...rest } = options.filters;
  const filters: ListFilters = { ...rest, limit: PAGE };
  const { t } = options;
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(BOM + csvLine(columns.map((c) => t(`supervision.export.columns.${c}`)))));
        }
        if (cursor === null) return controller.close();
        const page = await listCases(user, { ...filters, ...(cursor ? { cursor } : {}) }, options.now);
        cursor = page.nextCursor;
        const ids = options.fullIds ? await fullIdNumbers(user, page.items.map((i) => i.person.id)) : null;
        const text = page.items
          .map((r) =>
            csvLine([
              r.caseNumber, t(`case.types.${r.type}`), t(`case.statuses.${r.status}`), r.person.name,
              ids?.get(r.person.id) ?? r.person.idNumber, r.assignee?.name ?? "", r.dueDate ?? "", r.amount ?? "",
              isoShanghai(new Date(r.createdAt)).slice(0, 19).replace("T", " "),
            ]),
          )
          .join("");
        if (text) controller.enqueue(encoder.encode(text));
        if (cursor === null) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

/** Full ID numbers of a page's people, each one logged (lib/people/queries.ts revealIdNumber). */
async function fullIdNumbers(user: OfficeScoped & { id: string }, personIds: string[]): Promise<Map<string, string>> {
  const people = await db.insuredPerson.findMany({ where: { id: { in: [...new Set(personIds)] } }, select: { id: true, idNumber: true } });
  const shown = await revealIdNumber(user, true, people.map((p) => p.idNumber), maskIdNumber);
  return new Map(people.map((p) => [p.id, shown.get(p.idNumber) ?? maskIdNumber(p.idNumber)]));
}

/**
 * GET /api/v1/cases/export as a service: `case:read`, then the filters (a 400 naming the field),
 * then `person:read-full-id` when full ID numbers are asked for; the stream and its file name.
 */
export function exportCases(
  actor: Actor & { officeCode: string },
  input: unknown,
  t: Translator,
  now = new Date(),
): Promise<Result<{ stream: ReadableStream<Uint8Array>; fileName: string }>> {
  return asResult(async () => {
    if (!can(actor, "case:read")) fail("forbidden", "errors.forbidden");
    const filters = exportFiltersSchema.safeParse(input);
    if (!filters.success) throw zodFailure(filters.error);
    const fullIds = filters.data.fullIds === "true";
    if (fullIds && !can(actor, "person:read-full-id")) fail("forbidden", "errors.forbidden");
    return { stream: casesCsvStream(actor, { filters: filters.data, fullIds, t }), fileName: exportFileName(actor.officeCode, now) };
  });
}
