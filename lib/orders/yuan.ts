// Yuan as people type them ("12", "12.5", "12.50") ⇄ integer fen, by string manipulation so no
// binary fraction ever touches an amount.

const yuanPattern = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250n; null for anything that is not a non-negative amount with at most 2 decimals. */
export function parseYuanToFen(text: string): bigint | null {
  const m = yuanPattern.exec(text.trim().replace(/,/g, ""));
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}

/** 1250n → "12.50"; negative amounts keep their sign. */
export function fenToYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}
