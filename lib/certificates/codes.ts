import crypto from "node:crypto";

/**
 * Verification codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a
 * code read aloud or typed from paper is unambiguous. 31^16 ≈ 2^79: not guessable, and
 * crypto.randomInt draws each character without modulo bias.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 16;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function generateVerificationCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/** "abcd-efgh jkmn-pqrs" → "ABCDEFGHJKMNPQRS", or null when it cannot be a code. */
export function normaliseVerificationCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** Serials: office code, year, sequence of the office's documents that year (440300-2026-000001). */
export function formatSerial(officeCode: string, year: number, sequence: number): string {
  return `${officeCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

// The office code is a region code in practice, but the column allows up to 12 of [0-9A-Za-z-].
const SERIAL_PATTERN = /^[0-9A-Za-z-]{1,12}-\d{4}-\d{6,9}$/;

export function isSerial(value: unknown): value is string {
  return typeof value === "string" && SERIAL_PATTERN.test(value);
}
