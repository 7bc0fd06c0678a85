import { formatDate, isValidYmd, toDayNumber } from "./dates";

/**
 * Resident ID numbers (公民身份号码, GB 11643-1999; docs/rules.md §6.1): 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */
const BODY_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";
const SHAPE = /^\d{17}[\dX]$/;

export type IdNumberReason = "format" | "checksum" | "date";

export type IdNumberCheck =
  | {
      valid: true;
      /** Upper-case, as it should be stored. */
      value: string;
      birthDate: string;
      sex: "M" | "F";
      addressCode: string;
    }
  | { valid: false; reason: IdNumberReason };

/** The check character for a 17-digit body. */
export function idCheckCharacter(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError("the body is 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * BODY_WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-character ID number; a lowercase final x is read as X. The checksum is checked
 * before the date, so a typo reads "checksum". With `today`, a birth date after it is "date".
 */
export function validateIdNumber(input: string, options: { today?: string } = {}): IdNumberCheck {
  const value = input.length === 18 && input.endsWith("x") ? `${input.slice(0, 17)}X` : input;
  if (!SHAPE.test(value)) return { valid: false, reason: "format" };
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) return { valid: false, reason: "checksum" };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1800 || !isValidYmd(year, month, day)) return { valid: false, reason: "date" };
  const birthDate = formatDate({ year, month, day });
  if (options.today && toDayNumber(birthDate) > toDayNumber(options.today))
    return { valid: false, reason: "date" };
  return {
    valid: true,
    value,
    birthDate,
    sex: Number(value[16]) % 2 === 1 ? "M" : "F",
    addressCode: value.slice(0, 6),
  };
}

export function isValidIdNumber(value: string, options: { today?: string } = {}): boolean {
  return validateIdNumber(value, options).valid;
}

/**
 * A syntactically valid ID number for seeds and tests: address code, birth date and a sequence
 * whose parity gives the sex (the sequence is adjusted by one if needed).
 */
export function generateIdNumber(args: {
  addressCode?: string;
  birthDate: string;
  sex: "M" | "F";
  sequence?: number;
}): string {
  const address = args.addressCode ?? "440305";
  if (!/^\d{6}$/.test(address)) throw new RangeError("address code is 6 digits");
  toDayNumber(args.birthDate); // throws for an impossible date
  let sequence = (((args.sequence ?? 1) % 1000) + 1000) % 1000;
  const wantOdd = args.sex === "M";
  if ((sequence % 2 === 1) !== wantOdd) sequence = sequence === 999 ? 998 : sequence + 1;
  const body = `${address}${args.birthDate.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return body + idCheckCharacter(body);
}
