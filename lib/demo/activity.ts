// The high-volume demo rows: orders, their events, and screen-read sessions, generated hour by
// hour in time order and handed out in chunks, so ten million orders never sit in memory.
import type { Channel, OrderEventType, OrderStatus, PaymentMethod, ScreenReadOutcome } from "../generated/prisma/enums";
import { computeFeeFen, computeFeeRefundFen, pickRuleVersion } from "../revenue/fee";
import { sha256Hex } from "../canonical-json";
import { demoAgents, pageFlows, priceLists, SCREEN_READ_FAILURE_RATE, type DemoMerchant } from "./catalogue";
import { createRng, weightedPicker, type Rng } from "./prng";
import { DAY_MS, HOUR_MS } from "./window";
import type { DemoWorld, OrderTarget } from "./world";

export type OrderRow = {
  merchantId: string;
  externalId: string;
  channel: Channel;
  agentId: string | null;
  integrationId: string | null;
  operationName: string | null;
  paymentMethod: PaymentMethod;
  amountFen: bigint;
  refundedFen: bigint;
  status: OrderStatus;
  isVerification: boolean;
  occurredAt: Date;
  revenueRuleId: string | null;
  feeFen: bigint;
  feeRefundedFen: bigint;
};

export type OrderEventRow = {
  merchantId: string;
  externalOrderId: string;
  type: OrderEventType;
  sequence: number;
  bodyHash: string;
  /** Canonical JSON (sorted keys, no whitespace) of the event as the ingest API receives it. */
  payload: string;
  receivedAt: Date;
};

export type ScreenReadSessionRow = {
  merchantId: string;
  externalId: string;
  agentId: string;
  pagePath: string;
  steps: number;
  outcome: ScreenReadOutcome;
  orderExternalId: string | null;
  startedAt: Date;
  durationMs: number;
  bodyHash: string;
};

export type ActivityChunk = { orders: OrderRow[]; events: OrderEventRow[]; sessions: ScreenReadSessionRow[] };

export type ActivityOptions = {
  /** Orders spread over the four merchants by their share. */
  orders: number;
  /** Extra orders for lumen-coffee only (benchmarks: one big tenant). */
  benchOrders?: number;
  /** Orders per chunk (a chunk ends on an hour boundary once it has at least this many). */
  chunkSize?: number;
};

/** How many orders each merchant gets: exact shares by cumulative rounding, bench orders on lumen. */
export function ordersPerMerchant(world: Pick<DemoWorld, "merchants">, orders: number, benchOrders = 0): number[] {
  if (!Number.isInteger(orders) || orders < 0 || !Number.isInteger(benchOrders) || benchOrders < 0) {
    throw new Error("orders and benchOrders must be non-negative integers");
  }
  const total = world.merchants.reduce((s, m) => s + m.orderShare, 0);
  let cumulative = 0;
  let given = 0;
  return world.merchants.map((m) => {
    cumulative += m.orderShare;
    const upTo = Math.round((orders * cumulative) / total);
    const count = upTo - given;
    given = upTo;
    return count + (m.slug === "lumen-coffee" ? benchOrders : 0);
  });
}

const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

function dayFactor(merchant: DemoMerchant, shanghaiWeekday: number): number {
  const weekend = shanghaiWeekday === 0 || shanghaiWeekday === 6;
  switch (merchant.category) {
    case "FOOD":
      return weekend ? 0.75 : 1.05;
    case "TRAVEL":
      return shanghaiWeekday === 5 || shanghaiWeekday === 0 ? 1.35 : 0.95;
    case "RETAIL":
      return weekend ? 1.15 : 0.95;
    default:
      return weekend ? 0.9 : 1.0;
  }
}

/** Orders in each hour of the window for one merchant: weighted by weekday, Shanghai hour and growth. */
function allocateHours(merchant: DemoMerchant, startMs: number, hours: number, count: number): Int32Array {
  const weights = new Float64Array(hours);
  let total = 0;
  for (let h = 0; h < hours; h++) {
    const local = new Date(startMs + h * HOUR_MS + SHANGHAI_OFFSET_MS);
    const growth = 1 + (0.25 * h) / hours;
    const w = (merchant.diurnal[local.getUTCHours()] ?? 1) * dayFactor(merchant, local.getUTCDay()) * growth;
    weights[h] = w;
    total += w;
  }
  const out = new Int32Array(hours);
  let cumulative = 0;
  let given = 0;
  for (let h = 0; h < hours; h++) {
    cumulative += weights[h] as number;
    const upTo = h === hours - 1 ? count : Math.round((count * cumulative) / total);
    out[h] = upTo - given;
    given = upTo;
  }
  return out;
}

type MerchantState = {
  merchant: DemoMerchant & { id: string };
  perHour: Int32Array;
  orderSeq: number;
  sessionSeq: number;
  pickAgent: (rng: Rng) => string;
  pickScreenAgent: (rng: Rng) => string;
  pickTarget: ((rng: Rng) => OrderTarget) | null;
  pickCompletedPath: (rng: Rng) => string;
  pickFailure: (rng: Rng) => [string, Exclude<ScreenReadOutcome, "COMPLETED">];
  agentSlugById: Map<string, string>;
  /** Fees by rule and amount: most amounts repeat (price lists), and bigint division is not cheap. */
  feeCache: Map<string, Map<number, bigint>>;
};

const pad = (n: number, width: number) => n.toString().padStart(width, "0");

export function* generateActivity(world: DemoWorld, options: ActivityOptions): Generator<ActivityChunk> {
  const chunkSize = options.chunkSize ?? 5_000;
  const counts = ordersPerMerchant(world, options.orders, options.benchOrders ?? 0);
  const startMs = world.window.start.getTime();
  const endMs = world.window.end.getTime();
  const hours = Math.round((endMs - startMs) / HOUR_MS);
  const rng = createRng(world.seed, "activity");

  if (world.merchants.length > 8) throw new Error("generateActivity encodes the merchant index in 3 bits");
  const states: MerchantState[] = world.merchants.map((merchant, i) => {
    const agentEntries = demoAgents.map((a) => [world.agentIds[a.slug], a.weight[merchant.slug]] as const);
    // The test agent does skill calls only; some merchants deny it screen reading.
    const screenEntries = demoAgents.filter((a) => !a.isTest).map((a) => [world.agentIds[a.slug], a.weight[merchant.slug]] as const);
    const targets = world.orderTargets[merchant.slug];
    const flows = pageFlows[merchant.slug];
    const failureEntries = flows.flatMap((flow) => {
      const sum = flow.failures.reduce((s, [, w]) => s + w, 0);
      return flow.failures.map(([outcome, w]) => [[flow.path, outcome] as [string, Exclude<ScreenReadOutcome, "COMPLETED">], (flow.weight * flow.failureFactor * w) / sum] as const);
    });
    return {
      merchant,
      perHour: allocateHours(merchant, startMs, hours, counts[i] ?? 0),
      orderSeq: 0,
      sessionSeq: 0,
      pickAgent: weightedPicker(agentEntries),
      pickScreenAgent: weightedPicker(screenEntries),
      pickTarget: targets.length ? weightedPicker(targets.map((t) => [t, 1] as const)) : null,
      pickCompletedPath: weightedPicker(flows.filter((f) => f.completes).map((f) => [f.path, f.weight] as const)),
      pickFailure: weightedPicker(failureEntries),
      agentSlugById: new Map(demoAgents.map((a) => [world.agentIds[a.slug], a.slug])),
      feeCache: new Map(),
    };
  });

  let chunk: ActivityChunk = { orders: [], events: [], sessions: [] };
  // One hour's orders of all merchants, encoded as (offset in the hour × 8 + merchant index) so a
  // numeric typed-array sort puts them in time order without allocating an object per order.
  let hourBuffer = new Float64Array(1024);
  for (let h = 0; h < hours; h++) {
    const hourStart = startMs + h * HOUR_MS;
    let n = 0;
    for (let i = 0; i < states.length; i++) n += states[i]!.perHour[h] as number;
    if (n > hourBuffer.length) hourBuffer = new Float64Array(n * 2);
    let k = 0;
    for (let i = 0; i < states.length; i++) {
      const count = states[i]!.perHour[h] as number;
      for (let j = 0; j < count; j++) hourBuffer[k++] = rng.int(HOUR_MS) * 8 + i;
    }
    const sorted = hourBuffer.subarray(0, n).sort();
    for (let j = 0; j < n; j++) {
      const code = sorted[j] as number;
      const at = hourStart + Math.floor(code / 8);
      emitOrder(chunk, states[code % 8]!, at, (at - startMs) / (endMs - startMs), world, rng, endMs, startMs);
    }
    if (chunk.orders.length >= chunkSize || (h === hours - 1 && (chunk.orders.length || chunk.sessions.length))) {
      yield chunk;
      chunk = { orders: [], events: [], sessions: [] };
    }
  }
}

function emitOrder(
  chunk: ActivityChunk,
  state: MerchantState,
  at: number,
  progress: number,
  world: DemoWorld,
  rng: Rng,
  endMs: number,
  startMs: number,
): void {
  const m = state.merchant;
  const growth = 0.8 + 0.4 * progress;
  const skillShare = m.channelMix.AI_SKILL * growth;
  const screenShare = m.channelMix.AI_SCREEN_READ * growth;
  const r = rng.next();
  let channel: Channel = r < skillShare ? "AI_SKILL" : r < skillShare + screenShare ? "AI_SCREEN_READ" : "ORGANIC";
  if (channel === "AI_SKILL" && !state.pickTarget) channel = "AI_SCREEN_READ";

  const agentId = channel === "ORGANIC" ? null : channel === "AI_SKILL" ? state.pickAgent(rng) : state.pickScreenAgent(rng);
  const target = channel === "AI_SKILL" ? state.pickTarget!(rng) : null;

  const p = rng.next();
  const paymentMethod: PaymentMethod =
    channel === "ORGANIC" ? (p < 0.96 ? "STANDARD" : "TOKEN_PAY") : p < 0.5 ? "STANDARD" : p < 0.83 ? "AI_WALLET" : "TOKEN_PAY";
  // Token Pay account verification: an agent's 1-fen check before it pays with a new account.
  const isVerification = channel === "AI_SKILL" && paymentMethod === "TOKEN_PAY" && rng.chance(0.35);

  let amount: number;
  if (isVerification) amount = 1;
  else {
    const list = priceLists[m.slug];
    const quantity = list.maxQuantity > 1 ? 1 + Math.floor(rng.next() ** 2 * list.maxQuantity) : 1;
    amount = rng.pick(list.prices) * quantity + (list.jitterFen ? rng.int(list.jitterFen) : 0);
  }

  const s = rng.next();
  let status: OrderStatus;
  let refunded = 0;
  if (isVerification) {
    status = s < 0.5 ? "REFUNDED" : "PAID";
    refunded = status === "REFUNDED" ? 1 : 0;
  } else if (s < 0.02) status = "CANCELLED";
  else if (s < 0.06) {
    status = "REFUNDED";
    refunded = amount;
  } else if (s < 0.09 && amount >= 2) {
    status = "PARTIALLY_REFUNDED";
    refunded = Math.max(1, Math.min(amount - 1, Math.floor(amount * (0.1 + 0.6 * rng.next()))));
  } else status = "PAID";

  const occurredAt = new Date(at);
  const amountFen = BigInt(amount);
  const refundedFen = refunded === 0 ? 0n : BigInt(refunded);
  const rule = channel === "ORGANIC" ? null : pickRuleVersion(world.rulesByMerchant[m.slug], { channel, agentId, at: occurredAt });
  let feeFen = 0n;
  if (rule) {
    let byAmount = state.feeCache.get(rule.id);
    if (!byAmount) state.feeCache.set(rule.id, (byAmount = new Map()));
    const cached = byAmount.get(amount);
    if (cached !== undefined) feeFen = cached;
    else {
      feeFen = computeFeeFen({ amountFen, rateBps: rule.rateBps, fixedFeeFen: rule.fixedFeeFen });
      byAmount.set(amount, feeFen);
    }
  }
  const feeRefundedFen = refunded === 0 ? 0n : computeFeeRefundFen({ feeFen, amountFen, refundedFen });

  state.orderSeq += 1;
  const externalId = `${m.code}-${pad(state.orderSeq, 10)}`;
  chunk.orders.push({
    merchantId: m.id,
    externalId,
    channel,
    agentId,
    integrationId: target?.integrationId ?? null,
    operationName: target?.operationName ?? null,
    paymentMethod,
    amountFen,
    refundedFen,
    status,
    isVerification,
    occurredAt,
    revenueRuleId: rule?.id ?? null,
    feeFen,
    feeRefundedFen,
  });

  // Events as the platform pipeline would send them, written directly as canonical JSON (keys in
  // sorted order, no whitespace); a unit test checks them against canonicalJson.
  const iso = occurredAt.toISOString();
  const agent = agentId ? state.agentSlugById.get(agentId) : undefined;
  // Every value here is a plain identifier, enum, digit string or ISO time: nothing needs escaping.
  const created =
    (agent ? `{"agent":"${agent}",` : "{") +
    `"amountFen":"${amount}","channel":"${channel}","currency":"CNY","externalId":"${externalId}",` +
    (target ? `"integrationId":"${target.integrationId}",` : "") +
    `"isVerification":${isVerification},"merchant":"${m.slug}","occurredAt":"${iso}",` +
    (target ? `"operation":"${target.operationName}",` : "") +
    `"paymentMethod":"${paymentMethod}","type":"CREATED"}`;
  pushEvent(chunk, m.id, externalId, "CREATED", created, at + 500 + rng.int(4_000));
  if (status === "CANCELLED") {
    const when = Math.min(at + 60_000 + rng.int(30 * 60_000), endMs - 1);
    const body = JSON.stringify({ externalId, merchant: m.slug, occurredAt: new Date(when).toISOString(), type: "CANCELLED" });
    pushEvent(chunk, m.id, externalId, "CANCELLED", body, when + 1_000);
  } else if (refunded > 0) {
    const delay = isVerification ? 60_000 + rng.int(10 * 60_000) : HOUR_MS + rng.int(3 * DAY_MS);
    const when = Math.min(at + delay, endMs - 1);
    const body = JSON.stringify({ externalId, merchant: m.slug, occurredAt: new Date(when).toISOString(), refundedFen: refundedFen.toString(), type: "REFUNDED" });
    pushEvent(chunk, m.id, externalId, "REFUNDED", body, when + 1_000);
  }

  if (channel === "AI_SCREEN_READ") {
    const durationMs = 15_000 + rng.int(75_000);
    pushSession(chunk, state, agentId!, state.pickCompletedPath(rng), "COMPLETED", externalId, Math.max(at - durationMs, startMs), durationMs, 6 + rng.int(13));
    // Failed attempts that led to no order: one per three completed sessions on average gives the
    // 25% failure rate, concentrated on each merchant's troublesome pages.
    const failures = SCREEN_READ_FAILURE_RATE / (1 - SCREEN_READ_FAILURE_RATE);
    if (rng.chance(failures)) {
      const [path, outcome] = state.pickFailure(rng);
      const startedAt = Math.min(Math.max(at - rng.int(2 * HOUR_MS), startMs), endMs - 120_000);
      const failedDuration = outcome === "TIMEOUT" ? 60_000 : 4_000 + rng.int(40_000);
      pushSession(chunk, state, state.pickScreenAgent(rng), path, outcome, null, startedAt, failedDuration, 2 + rng.int(9));
    }
  }
}

function pushEvent(chunk: ActivityChunk, merchantId: string, externalOrderId: string, type: OrderEventType, payload: string, receivedAt: number) {
  chunk.events.push({ merchantId, externalOrderId, type, sequence: 0, bodyHash: sha256Hex(payload), payload, receivedAt: new Date(receivedAt) });
}

function pushSession(
  chunk: ActivityChunk,
  state: MerchantState,
  agentId: string,
  pagePath: string,
  outcome: ScreenReadOutcome,
  orderExternalId: string | null,
  startedAt: number,
  durationMs: number,
  steps: number,
) {
  state.sessionSeq += 1;
  const externalId = `${state.merchant.code}-SR-${pad(state.sessionSeq, 10)}`;
  const startedIso = new Date(startedAt).toISOString();
  const body = JSON.stringify({
    agent: state.agentSlugById.get(agentId),
    durationMs,
    externalId,
    merchant: state.merchant.slug,
    orderExternalId: orderExternalId ?? undefined,
    outcome,
    pagePath,
    startedAt: startedIso,
    steps,
  });
  chunk.sessions.push({
    merchantId: state.merchant.id,
    externalId,
    agentId,
    pagePath,
    steps,
    outcome,
    orderExternalId,
    startedAt: new Date(startedAt),
    durationMs,
    bodyHash: sha256Hex(body),
  });
}

/** The total orders generateActivity will yield for these options. */
export function plannedOrderCount(world: Pick<DemoWorld, "merchants">, options: ActivityOptions): number {
  return ordersPerMerchant(world, options.orders, options.benchOrders ?? 0).reduce((a, b) => a + b, 0);
}
