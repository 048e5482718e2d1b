// Rates are basis points (1 bp = 0.01 %). Integer arithmetic keeps 1234 bp as exactly "12.34%".
export function formatPercentBps(bps: number | bigint): string {
  const whole = typeof bps === "bigint" ? bps : BigInt(Math.round(bps));
  const negative = whole < 0n;
  const abs = negative ? -whole : whole;
  const fraction = (abs % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${abs / 100n}${fraction ? `.${fraction}` : ""}%`;
}
