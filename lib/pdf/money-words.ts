/**
 * Amounts in Chinese capital numerals (大写金额) as payment documents write them, following the
 * People's Bank of China rules for filling in bills (《支付结算办法》附件《正确填写票据和结算凭证的
 * 基本规定》):
 * - "整" after 元 when there are no jiao and fen; no "整" after 角 or 分;
 * - one 零 for one or more zeros between digits (6007.14 → 陆仟零柒元壹角肆分);
 * - 零 after 元 when the jiao is zero and the fen is not (325.04 → 叁佰贰拾伍元零肆分);
 * - where the rules allow either form (zero yuan digit before a non-zero jiao, 1680.32) the
 *   shorter one without 零 is written;
 * - 壹拾 keeps its 壹 (10.00 → 壹拾元整), so nobody can write a digit in front of it;
 * - an amount under one yuan is written from its jiao (0.05 → 伍分); zero is 零元整.
 */
const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const SMALL_UNITS = ["", "拾", "佰", "仟"];
const SECTION_UNITS = ["", "万", "亿", "万亿"];

const AMOUNT = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

export class AmountFormatError extends Error {
  constructor(readonly input: string) {
    super(`not a non-negative amount with at most two decimals: ${JSON.stringify(input).slice(0, 40)}`);
    this.name = "AmountFormatError";
  }
}

/** Writes a 4-digit section; `started` says whether a higher non-zero digit came before. */
function writeSection(section: string, started: boolean, pendingZero: boolean): { text: string; pendingZero: boolean } {
  const digits = section.padStart(4, "0").split("").map(Number);
  let last = -1;
  digits.forEach((d, i) => {
    if (d !== 0) last = i;
  });
  let text = "";
  let pending = pendingZero;
  let seen = started;
  for (let i = 0; i <= last; i++) {
    const d = digits[i];
    if (d === 0) {
      // A zero between non-zero digits is read once; zeros at the end of a section are silent.
      if (seen) pending = true;
      continue;
    }
    if (pending) text += "零";
    pending = false;
    text += DIGITS[d] + SMALL_UNITS[3 - i];
    seen = true;
  }
  return { text, pendingZero: pending };
}

function writeInteger(integer: string): string {
  const trimmed = integer.replace(/^0+(?=\d)/, "");
  if (/^0+$/.test(trimmed)) return "";
  const sections: string[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) sections.unshift(trimmed.slice(Math.max(0, end - 4), end));
  let out = "";
  let started = false;
  let pendingZero = false;
  sections.forEach((section, index) => {
    const unit = SECTION_UNITS[sections.length - 1 - index];
    if (Number(section) === 0) {
      if (started) pendingZero = true;
      return;
    }
    const written = writeSection(section, started, pendingZero);
    out += written.text + unit;
    pendingZero = written.pendingZero;
    started = true;
  });
  return out;
}

/** "39778.18" → "叁万玖仟柒佰柒拾捌元壹角捌分". Throws AmountFormatError for anything else. */
export function toChineseCapital(amount: string): string {
  const match = AMOUNT.exec(typeof amount === "string" ? amount.trim() : "");
  if (!match) throw new AmountFormatError(String(amount));
  const yuan = writeInteger(match[1]);
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const jiao = Number(fraction[0]);
  const fen = Number(fraction[1]);
  const jiaoText = jiao ? `${DIGITS[jiao]}角` : "";
  const fenText = fen ? `${DIGITS[fen]}分` : "";
  if (!yuan) return jiao || fen ? jiaoText + fenText : "零元整";
  if (!jiao && !fen) return `${yuan}元整`;
  if (!jiao) return `${yuan}元零${fenText}`;
  return `${yuan}元${jiaoText}${fenText}`;
}
