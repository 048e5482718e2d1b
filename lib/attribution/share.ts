// Shares and changes as integer basis points (1 bp = 0.01 %), from bigint fen: no float touches
// money. Rounding is half away from zero.

function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** part / total in basis points; 0 when the total is 0. */
export function shareBps(part: bigint, total: bigint): number {
  return total === 0n ? 0 : Number(divRound(part * 10_000n, total));
}

/** Relative change from `previous` to `current` in basis points; null when there was nothing before. */
export function changeBps(current: bigint, previous: bigint): number | null {
  return previous === 0n ? null : Number(divRound((current - previous) * 10_000n, previous));
}

/** Average order value in fen, rounded; 0 without orders. */
export function averageFen(totalFen: bigint, orders: bigint): bigint {
  return orders === 0n ? 0n : divRound(totalFen, orders);
}

/**
 * Value lost to failures: `failures × (gmv / orders)`, multiplied before dividing so the
 * rounding happens once.
 */
export function lostValueFen(failures: bigint, gmvFen: bigint, orders: bigint): bigint {
  return orders === 0n ? 0n : divRound(failures * gmvFen, orders);
}

/**
 * Shares of several parts that add up to exactly 10 000 bp (largest remainder), so a table of
 * percentages sums to 100 %.
 */
export function sharesBps(parts: readonly bigint[]): number[] {
  const total = parts.reduce((s, p) => s + p, 0n);
  if (total === 0n) return parts.map(() => 0);
  const floors = parts.map((p) => (p * 10_000n) / total);
  const remainders = parts.map((p, i) => ({ i, r: p * 10_000n - floors[i]! * total }));
  let left = 10_000n - floors.reduce((s, f) => s + f, 0n);
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}
