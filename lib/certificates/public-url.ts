/**
 * The public address printed on documents and encoded in their QR codes. JINGBAN_PUBLIC_URL
 * (the address banks and other offices reach) wins, then NEXTAUTH_URL, then the origin of the
 * request that issued the document.
 */
export function publicBaseUrl(requestOrigin?: string | null): string {
  const configured = process.env.JINGBAN_PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  const base = configured || requestOrigin || "http://localhost:3000";
  return base.replace(/\/+$/, "");
}
