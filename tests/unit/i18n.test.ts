import { describe, expect, test } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { defaultLocale, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { getTranslator, hasMessage } from "@/lib/i18n/translate";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const enFlat = flatten(en as Tree);
const zhFlat = flatten(zh as Tree);
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message files", () => {
  test("en.json and zh-CN.json have exactly the same keys", () => {
    const onlyEn = [...enFlat.keys()].filter((k) => !zhFlat.has(k));
    const onlyZh = [...zhFlat.keys()].filter((k) => !enFlat.has(k));
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] });
  });

  test("a key is a message in both files or a group in both (never a string in one and a group in the other)", () => {
    const groups = (tree: Tree, prefix = ""): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [] : [`${prefix}${k}`, ...groups(v, `${prefix}${k}.`)]));
    expect(groups(zh as Tree)).toEqual(groups(en as Tree));
  });

  test("no message is empty or only whitespace", () => {
    const empty = [...enFlat, ...zhFlat].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  test("placeholders match between the languages", () => {
    const mismatched = [...enFlat]
      .filter(([key, message]) => zhFlat.has(key) && placeholders(message).join() !== placeholders(zhFlat.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  test("Chinese messages are Chinese (each has at least one CJK character or is a code/name)", () => {
    const untranslated = [...zhFlat]
      .filter(([key, message]) => !/[\u3400-\u9fff]/.test(message) && message === enFlat.get(key) && /[a-z]{4,}/.test(message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe("getTranslator", () => {
  test("fills placeholders and leaves unknown ones visible", () => {
    expect(getTranslator("en")("errors.unknownCalcKind", { kind: "x" })).toBe("Unknown calculation kind: x.");
    expect(getTranslator("zh-CN")("errors.unknownCalcKind", { kind: "x" })).toBe("未知的计算类型：x。");
    expect(getTranslator("en")("errors.unknownCalcKind")).toBe(en.errors.unknownCalcKind);
  });

  test("an unknown key returns the key itself, never throws", () => {
    expect(getTranslator("zh-CN")("no.such.key")).toBe("no.such.key");
    expect(getTranslator("en")("errors")).toBe("errors");
    expect(hasMessage("errors.badRequest")).toBe(true);
    expect(hasMessage("errors")).toBe(false);
  });
});

describe("localeFromAcceptLanguage", () => {
  test.each([
    [null, "zh-CN"],
    [undefined, "zh-CN"],
    ["", "zh-CN"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["EN-gb", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh-Hant-HK", "zh-CN"],
    ["zh", "zh-CN"],
    ["en;q=0.5,zh;q=0.8", "zh-CN"],
    ["zh;q=0.5,en;q=0.8", "en"],
    ["fr-FR,de;q=0.9", "zh-CN"],
    ["fr-FR,en;q=0.1", "en"],
    ["en;q=0,zh;q=0.1", "zh-CN"],
    ["en;q=0", "zh-CN"],
    ["*", "zh-CN"],
    ["en;q=abc,zh", "zh-CN"],
    [" en ", "en"],
    ["de, en", "en"],
    [`${"x-".repeat(1000)},en`, "zh-CN"],
    ["en,zh", "en"],
    ["zh,en", "zh-CN"],
  ])("%j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  test("the default is zh-CN and only the two locales exist", () => {
    expect(defaultLocale).toBe("zh-CN");
    expect(isLocale("en")).toBe(true);
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale("EN")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
