/**
 * Province-level units (省、自治区、直辖市; 66号 Art. 5(1)) compared by their short name, so that
 * "河南省" and "河南", or "广西壮族自治区" and "广西", are the same place.
 */
const LONG_SUFFIXES = [
  "壮族自治区",
  "回族自治区",
  "维吾尔自治区",
  "特别行政区",
  "自治区",
  "省",
  "市",
];

export function normalizeProvince(name: string): string {
  const trimmed = name.trim();
  for (const suffix of LONG_SUFFIXES) {
    if (trimmed.length > suffix.length + 1 && trimmed.endsWith(suffix))
      return trimmed.slice(0, -suffix.length);
  }
  return trimmed;
}

export function sameProvince(a: string, b: string): boolean {
  return normalizeProvince(a) === normalizeProvince(b);
}
