import type { BankAccount } from "@/lib/pdf/contact-letter/view-model";

/**
 * An office's receiving account (开户银行名称, 银行行号, 开户全称, 银行账号) as the contact letter
 * prints it, or null when none is on file. lib/admin/update-office.ts stores the four together or
 * not at all; an office with a partial account (written by hand) counts as having none.
 */
export function officeBankAccount(o: BankAccount): BankAccount | null {
  const { bankName, bankCode, accountName, accountNumber } = o;
  return bankName && bankCode && accountName && accountNumber ? { bankName, bankCode, accountName, accountNumber } : null;
}
