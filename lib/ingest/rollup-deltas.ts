// Changes to the rollup counters of one batch, summed per rollup row first so each row is touched
// once per batch (one upsert statement cannot update a row twice), then handed out in a fixed key
// order so concurrent batches lock rows in the same order.
import { shanghaiDay, utcHour } from "../rollups/shanghai-day";
import { compareKeys } from "./batch-identities";
import type { OrderDimensions, RollupCounters } from "./types";

export type OrderRollupRow = {
  merchantId: string;
  /** ISO hour (hourly rows) or "YYYY-MM-DD" Shanghai day (daily rows). */
  bucket: string;
  channel: OrderDimensions["channel"];
  agentId: string;
  integrationId: string;
  paymentMethod: OrderDimensions["paymentMethod"];
  isVerification: boolean;
} & RollupCounters;

const zero = (): RollupCounters => ({ orders: 0n, gmvFen: 0n, refundsFen: 0n, cancelledOrders: 0n, feeFen: 0n, feeRefundedFen: 0n });
const counterNames = ["orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen"] as const;

export class OrderRollupDeltas {
  private readonly hourly = new Map<string, OrderRollupRow>();
  private readonly daily = new Map<string, OrderRollupRow>();

  /** Adds a change to the order's rollup rows: the hour and day of the ORIGINAL order. */
  add(order: OrderDimensions, change: Partial<RollupCounters>): void {
    this.addTo(this.hourly, order, utcHour(order.occurredAt), change);
    this.addTo(this.daily, order, shanghaiDay(order.occurredAt), change);
  }

  private addTo(map: Map<string, OrderRollupRow>, order: OrderDimensions, bucket: string, change: Partial<RollupCounters>) {
    const agentId = order.agentId ?? "";
    const integrationId = order.integrationId ?? "";
    const key = [order.merchantId, bucket, order.channel, agentId, integrationId, order.paymentMethod, order.isVerification ? "1" : "0"].join("\u0001");
    let row = map.get(key);
    if (!row) {
      row = { merchantId: order.merchantId, bucket, channel: order.channel, agentId, integrationId, paymentMethod: order.paymentMethod, isVerification: order.isVerification, ...zero() };
      map.set(key, row);
    }
    for (const name of counterNames) row[name] += change[name] ?? 0n;
  }

  hourlyRows(): OrderRollupRow[] {
    return sortedNonZero(this.hourly);
  }

  dailyRows(): OrderRollupRow[] {
    return sortedNonZero(this.daily);
  }
}

function sortedNonZero(map: Map<string, OrderRollupRow>): OrderRollupRow[] {
  return [...map.entries()]
    .filter(([, row]) => counterNames.some((name) => row[name] !== 0n))
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([, row]) => row);
}

export type ScreenReadRollupRow = {
  merchantId: string;
  day: string;
  pagePath: string;
  outcome: string;
  agentId: string;
  sessions: number;
  steps: number;
  durationMs: number;
  linkedOrders: number;
};

/** Screen-read counters per (merchant, Shanghai day, page, outcome, agent), in key order. */
export function screenReadRollupRows(
  sessions: readonly { merchantId: string; startedAt: Date; pagePath: string; outcome: string; agentId: string; steps: number; durationMs: number; linked: boolean }[],
): ScreenReadRollupRow[] {
  const map = new Map<string, ScreenReadRollupRow>();
  for (const s of sessions) {
    const day = shanghaiDay(s.startedAt);
    const key = [s.merchantId, day, s.pagePath, s.outcome, s.agentId].join("\u0001");
    let row = map.get(key);
    if (!row) map.set(key, (row = { merchantId: s.merchantId, day, pagePath: s.pagePath, outcome: s.outcome, agentId: s.agentId, sessions: 0, steps: 0, durationMs: 0, linkedOrders: 0 }));
    row.sessions += 1;
    row.steps += s.steps;
    row.durationMs += s.durationMs;
    if (s.linked) row.linkedOrders += 1;
  }
  return [...map.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, row]) => row);
}
