"use server";
import { cookies } from "next/headers";
import { isLocale, localeCookie } from "@/lib/i18n/config";

/** The language switch: remembered in a cookie for a year. Unknown values are ignored. */
export async function setLocale(locale: unknown): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
