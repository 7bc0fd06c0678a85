/** 440305199003071236 → 440305********1236: lists never show a full ID number. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${"*".repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

/** 李明 → 李*, 王小芳 → 王*芳: for public pages (certificate verification). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
