import { getTranslations } from "next-intl/server";

/** A sample's stored criteria in words, e.g. "10% · 退保 · ≥ 5000.00 · 2026-01-01 – 2026-03-31". */
export async function criteriaText(criteria: Record<string, unknown>, names: Map<string, string>): Promise<string> {
  const t = await getTranslations("supervision.samples");
  const tc = await getTranslations("case");
  const parts = [`${criteria.percentage}%`];
  if (typeof criteria.type === "string") parts.push(tc(`types.${criteria.type}`));
  if (typeof criteria.minAmount === "string") parts.push(`≥ ${criteria.minAmount}`);
  if (typeof criteria.caseworkerId === "string") parts.push(`${t("caseworker")}: ${names.get(criteria.caseworkerId) ?? "?"}`);
  if (criteria.from || criteria.to) parts.push(`${criteria.from ?? "…"} – ${criteria.to ?? "…"}`);
  return parts.join(" · ");
}
