import { describe, expect, test } from "vitest";
import { AmountFormatError, toChineseCapital } from "@/lib/pdf/money-words";

describe("toChineseCapital (大写金额)", () => {
  test.each([
    ["brief: under one yuan", "0.05", "伍分"],
    ["brief: ten keeps its 壹", "10.00", "壹拾元整"],
    ["brief: a round hundred thousand", "100000.00", "壹拾万元整"],
    ["brief: zeros across the 万 section", "1000001.01", "壹佰万零壹元零壹分"],
    ["brief: the P1 payout", "39778.18", "叁万玖仟柒佰柒拾捌元壹角捌分"],
    ["PBoC: zero inside", "1409.50", "壹仟肆佰零玖元伍角"],
    ["PBoC: several zeros read once", "6007.14", "陆仟零柒元壹角肆分"],
    ["PBoC: zero jiao before fen", "16409.02", "壹万陆仟肆佰零玖元零贰分"],
    ["PBoC: zero jiao before fen, small", "325.04", "叁佰贰拾伍元零肆分"],
    ["PBoC: zeros at the end of the 万 section are silent", "107000.53", "壹拾万柒仟元伍角叁分"],
    ["PBoC: zero yuan digit before jiao (short form)", "1680.32", "壹仟陆佰捌拾元叁角贰分"],
    ["zero", "0.00", "零元整"],
    ["integer without decimals", "15", "壹拾伍元整"],
    ["one decimal", "0.5", "伍角"],
    ["a zero 万 section between 亿 and units", "100000001", "壹亿零壹元整"],
    ["a zero 万 section before thousands", "100001000", "壹亿零壹仟元整"],
    ["internal zero inside a section", "1010", "壹仟零壹拾元整"],
    ["leading zeros ignored", "007.00", "柒元整"],
  ])("%s: %s → %s", (_label, amount, expected) => {
    expect(toChineseCapital(amount)).toBe(expected);
  });

  test.each([["-1.00"], ["1,000.00"], ["1.234"], ["abc"], [""], ["1e5"], ["12345678901234567"]])("refuses %j", (amount) => {
    expect(() => toChineseCapital(amount)).toThrow(AmountFormatError);
  });
});
