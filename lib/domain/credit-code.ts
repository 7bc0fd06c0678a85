/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015; docs/rules.md §6.2): registration
 * authority, organisation category, 6-digit division code, the 9-character GB 11714
 * organisation code (with its own check character), and a MOD 31 check character.
 */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeReason = "format" | "checksum";

/**
 * `org-code-check`: the embedded GB 11714 organisation code's own check character is wrong. It is
 * the optional second validation (docs/rules.md §6.2), so it warns and never refuses (decision 0012).
 */
export type CreditCodeWarning = "org-code-check";

export type CreditCodeCheck =
  | { valid: true; value: string; divisionCode: string; organizationCode: string; warnings: CreditCodeWarning[] }
  | {
      valid: false;
      reason: CreditCodeReason;
      /**
       * Early pilot codes (e.g. Fujian's 91350100M0001TGQXM) fail the checks yet are legal, so a
       * checksum failure may be overridden by staff after checking the licence.
       */
      overridable: boolean;
    };

/** The GB 32100 check character for the first 17 characters. */
export function creditCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(body[i]);
    if (v < 0) throw new RangeError("not a credit-code character");
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** The GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i];
    const v = c >= "0" && c <= "9" ? Number(c) : c >= "A" && c <= "Z" ? c.charCodeAt(0) - 55 : -1;
    if (v < 0) throw new RangeError("not an organisation-code character");
    sum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/**
 * Validates a credit code (upper case expected; lower case is read as upper case). The GB 32100
 * check character decides validity; the embedded organisation code's check is only a warning.
 */
export function validateCreditCode(input: string): CreditCodeCheck {
  const value = input.toUpperCase();
  if (!SHAPE.test(value)) return { valid: false, reason: "format", overridable: false };
  if (creditCodeCheckCharacter(value) !== value[17])
    return { valid: false, reason: "checksum", overridable: true };
  const org = value.slice(8, 17);
  const warnings: CreditCodeWarning[] = orgCodeCheckCharacter(org) === org[8] ? [] : ["org-code-check"];
  return { valid: true, value, divisionCode: value.slice(2, 8), organizationCode: org, warnings };
}

export function isValidCreditCode(value: string): boolean {
  return validateCreditCode(value).valid;
}

/**
 * Completes a code for seeds and tests: from 16 characters (authority, category, division, the
 * first 8 of the organisation code) both check characters are added; from 17 only the last.
 */
export function generateCreditCode(body: string): string {
  let code = body.toUpperCase();
  if (code.length === 16) code += orgCodeCheckCharacter(code.slice(8, 16));
  if (code.length !== 17) throw new RangeError("give 16 or 17 characters");
  return code + creditCodeCheckCharacter(code);
}
