import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import type { Locale } from "./config";

export type Messages = typeof en;
export const messages: Record<Locale, Messages> = { en, "zh-CN": zhCN };

type Params = Record<string, string | number>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** True when `key` names a message (used to tell message keys from free text). */
export function hasMessage(key: string): boolean {
  return lookup(messages.en, key) !== undefined;
}

/**
 * A translator for code outside React (route handlers, the case service, PDFs).
 * Messages use simple `{name}` placeholders so that the same files serve next-intl in the UI.
 * An unknown key returns the key itself, so a missing message is visible, never a crash.
 */
export function getTranslator(locale: Locale) {
  return function t(key: string, params?: Params): string {
    const template = lookup(messages[locale], key) ?? lookup(messages.en, key) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
export type Translator = ReturnType<typeof getTranslator>;
