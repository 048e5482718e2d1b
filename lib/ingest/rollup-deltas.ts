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

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

// Bucket names by bucket number (UTC hour, Shanghai day), shared by every batch of the process:
// formatting a Date per event was a visible share of the ingest CPU. Bounded; cleared when full.
const hourNames = new Map<number, string>();
const dayNames = new Map<number, string>();
const MAX_NAMES = 50_000;

function bucketName(names: Map<number, string>, bucket: number, format: (at: Date) => string): string {
  let name = names.get(bucket);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    // The instant at the bucket's start formats to the bucket's own name (hours and Shanghai days are whole).
    const start = names === dayNames ? bucket * DAY_MS - SHANGHAI_OFFSET_MS : bucket * HOUR_MS;
    names.set(bucket, (name = format(new Date(start))));
  }
  return name;
}

const zero = (): RollupCounters => ({ orders: 0n, gmvFen: 0n, refundsFen: 0n, cancelledOrders: 0n, feeFen: 0n, feeRefundedFen: 0n });
const counterNames = ["orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen"] as const;

export class OrderRollupDeltas {
  private readonly hourly = new Map<string, OrderRollupRow>();
  private readonly daily = new Map<string, OrderRollupRow>();

  /** Adds a change to the order's rollup rows: the hour and day of the ORIGINAL order. */
  add(order: OrderDimensions, change: Partial<RollupCounters>): void {
    const ms = order.occurredAt.getTime();
    this.addTo(this.hourly, order, bucketName(hourNames, Math.floor(ms / HOUR_MS), utcHour), change);
    this.addTo(this.daily, order, bucketName(dayNames, Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS), shanghaiDay), change);
  }

  private addTo(map: Map<string, OrderRollupRow>, order: OrderDimensions, bucket: string, change: Partial<RollupCounters>) {
    const agentId = order.agentId ?? "";
    const integrationId = order.integrationId ?? "";
    const key = `${order.merchantId}\u0001${bucket}\u0001${order.channel}\u0001${agentId}\u0001${integrationId}\u0001${order.paymentMethod}\u0001${order.isVerification ? "1" : "0"}`;
    let row = map.get(key);
    if (!row) {
      row = { merchantId: order.merchantId, bucket, channel: order.channel, agentId, integrationId, paymentMethod: order.paymentMethod, isVerification: order.isVerification, ...zero() };
      map.set(key, row);
    }
    for (const name of counterNames) {
      const value = change[name];
      if (value !== undefined) row[name] += value;
    }
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
