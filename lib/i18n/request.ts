import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, localeFromAcceptLanguage } from "./config";
import { messages } from "./translate";

// No locale in the URL: the user's choice (a cookie set by the language switch) wins, else the
// browser's Accept-Language, else zh-CN.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: messages[locale], timeZone: "Asia/Shanghai" };
});
