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

const counterNames = ["orders", "gmvFen", "refundsFen", "cancelledOrders", "feeFen", "feeRefundedFen"] as const;
type CounterName = (typeof counterNames)[number];

/** A row's dimensions and its counters summed as numbers, converted to bigint once per row. */
type Sums = Omit<OrderRollupRow, CounterName> & Record<CounterName, number>;

// Sums are plain numbers while a batch is added up: a bigint per addition was a visible share of
// the ingest route's allocations. Exact as long as every sum stays a safe integer, which a batch's
// do (at most 1,000 events of at most MAX_AMOUNT_FEN = 10^11 fen each: below 10^14 < 2^53);
// rows() checks it anyway.
function toBigInt(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value)) throw new Error(`rollup delta ${name} = ${value} is not a safe integer`);
  return BigInt(value);
}

export class OrderRollupDeltas {
  private readonly hourly = new Map<string, Sums>();
  private readonly daily = new Map<string, Sums>();

  /** Adds a change to the order's rollup rows: the hour and day of the ORIGINAL order. */
  add(order: OrderDimensions, change: Partial<RollupCounters>): void {
    const ms = order.occurredAt.getTime();
    const agentId = order.agentId ?? "";
    const integrationId = order.integrationId ?? "";
    // The key orders rows by (merchant, bucket, channel, agent, integration, payment method, verification).
    const dimensions = `${order.channel}\u0001${agentId}\u0001${integrationId}\u0001${order.paymentMethod}\u0001${order.isVerification ? "1" : "0"}`;
    const hour = bucketName(hourNames, Math.floor(ms / HOUR_MS), utcHour);
    const day = bucketName(dayNames, Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS), shanghaiDay);
    this.addTo(this.hourly, `${order.merchantId}\u0001${hour}\u0001${dimensions}`, order, hour, agentId, integrationId, change);
    this.addTo(this.daily, `${order.merchantId}\u0001${day}\u0001${dimensions}`, order, day, agentId, integrationId, change);
  }

  private addTo(map: Map<string, Sums>, key: string, order: OrderDimensions, bucket: string, agentId: string, integrationId: string, change: Partial<RollupCounters>) {
    let row = map.get(key);
    if (!row) {
      row = { merchantId: order.merchantId, bucket, channel: order.channel, agentId, integrationId, paymentMethod: order.paymentMethod, isVerification: order.isVerification, orders: 0, gmvFen: 0, refundsFen: 0, cancelledOrders: 0, feeFen: 0, feeRefundedFen: 0 };
      map.set(key, row);
    }
    for (const name of counterNames) {
      const value = change[name];
      if (value !== undefined) row[name] += Number(value);
    }
  }

  hourlyRows(): OrderRollupRow[] {
    return sortedNonZero(this.hourly);
  }

  dailyRows(): OrderRollupRow[] {
    return sortedNonZero(this.daily);
  }
}

function sortedNonZero(map: Map<string, Sums>): OrderRollupRow[] {
  return [...map.entries()]
    .filter(([, row]) => counterNames.some((name) => row[name] !== 0))
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([, row]) => ({
      ...row,
      orders: toBigInt(row.orders, "orders"),
      gmvFen: toBigInt(row.gmvFen, "gmvFen"),
      refundsFen: toBigInt(row.refundsFen, "refundsFen"),
      cancelledOrders: toBigInt(row.cancelledOrders, "cancelledOrders"),
      feeFen: toBigInt(row.feeFen, "feeFen"),
      feeRefundedFen: toBigInt(row.feeRefundedFen, "feeRefundedFen"),
    }));
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
