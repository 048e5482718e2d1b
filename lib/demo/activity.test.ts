import { describe, expect, it } from "vitest";
import { computeFeeFen, computeFeeRefundFen, pickRuleVersion } from "../revenue/fee";
import { canonicalJson, sha256Hex } from "../canonical-json";
import { generateActivity, ordersPerMerchant, type ActivityChunk } from "./activity";
import { demoWindow } from "./window";
import { buildDemoWorld } from "./world";

const window = demoWindow(new Date("2026-11-28T00:00:00Z"));
const world = buildDemoWorld({ seed: 42, window, passwordHash: "hash" });

function collect(seed: number, orders: number, chunkSize?: number): ActivityChunk {
  const w = seed === 42 ? world : buildDemoWorld({ seed, window, passwordHash: "hash" });
  const all: ActivityChunk = { orders: [], events: [], sessions: [] };
  for (const chunk of generateActivity(w, { orders, chunkSize })) {
    all.orders.push(...chunk.orders);
    all.events.push(...chunk.events);
    all.sessions.push(...chunk.sessions);
  }
  return all;
}

const serialize = (a: ActivityChunk) => canonicalJson(a);
const data = collect(42, 20_000);

const countBy = <T,>(items: T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

describe("generateActivity", () => {
  it("gives byte-identical rows for the same seed, whatever the chunk size", () => {
    const small = collect(42, 3_000, 100);
    expect(serialize(collect(42, 3_000, 5_000))).toBe(serialize(small));
    expect(serialize(collect(7, 3_000))).not.toBe(serialize(small));
  });

  it("yields exactly the requested orders, in time order, inside the window", () => {
    expect(data.orders).toHaveLength(20_000);
    for (let i = 1; i < data.orders.length; i++) {
      expect(data.orders[i]!.occurredAt.getTime()).toBeGreaterThanOrEqual(data.orders[i - 1]!.occurredAt.getTime());
    }
    expect(data.orders[0]!.occurredAt.getTime()).toBeGreaterThanOrEqual(window.start.getTime());
    expect(data.orders.at(-1)!.occurredAt.getTime()).toBeLessThan(window.end.getTime());
    expect(ordersPerMerchant(world, 20_000, 500)).toEqual([...ordersPerMerchant(world, 20_000)].map((n, i) => (i === 0 ? n + 500 : n)));
  });

  it("keeps external ids unique per merchant", () => {
    const keys = new Set(data.orders.map((o) => `${o.merchantId}/${o.externalId}`));
    expect(keys.size).toBe(data.orders.length);
    const sessionKeys = new Set(data.sessions.map((s) => `${s.merchantId}/${s.externalId}`));
    expect(sessionKeys.size).toBe(data.sessions.length);
  });

  it("spreads orders over channels, payment methods and statuses like the brief says", () => {
    const n = data.orders.length;
    const channels = countBy(data.orders, (o) => o.channel);
    expect(channels.ORGANIC! / n).toBeGreaterThan(0.5);
    expect(channels.ORGANIC! / n).toBeLessThan(0.62);
    expect(channels.AI_SKILL! / n).toBeGreaterThan(0.25);
    expect(channels.AI_SKILL! / n).toBeLessThan(0.35);
    expect(channels.AI_SCREEN_READ! / n).toBeGreaterThan(0.12);
    expect(channels.AI_SCREEN_READ! / n).toBeLessThan(0.2);
    expect(Object.keys(countBy(data.orders, (o) => o.paymentMethod)).sort()).toEqual(["AI_WALLET", "STANDARD", "TOKEN_PAY"]);
    const statuses = countBy(data.orders, (o) => o.status);
    expect(statuses.CANCELLED! / n).toBeGreaterThan(0.01);
    expect(statuses.CANCELLED! / n).toBeLessThan(0.03);
    expect(statuses.PARTIALLY_REFUNDED! / n).toBeGreaterThan(0.02);
    expect(statuses.REFUNDED! / n).toBeGreaterThan(0.03);
    expect(statuses.PAID! / n).toBeGreaterThan(0.85);
  });

  it("follows the channel rules: agents on AI orders, integrations on skill orders, wallets only for AI", () => {
    for (const o of data.orders) {
      expect(o.agentId === null).toBe(o.channel === "ORGANIC");
      expect(o.integrationId !== null && o.operationName !== null).toBe(o.channel === "AI_SKILL");
      if (o.paymentMethod === "AI_WALLET") expect(o.channel).not.toBe("ORGANIC");
      if (o.isVerification) {
        expect(o.amountFen).toBe(1n);
        expect(o.paymentMethod).toBe("TOKEN_PAY");
      }
      if (o.status === "PARTIALLY_REFUNDED") expect(o.refundedFen > 0n && o.refundedFen < o.amountFen).toBe(true);
      if (o.status === "REFUNDED") expect(o.refundedFen).toBe(o.amountFen);
      if (o.status === "PAID" || o.status === "CANCELLED") expect(o.refundedFen).toBe(0n);
    }
    expect(data.orders.filter((o) => o.isVerification).length).toBeGreaterThan(50);
    const targets = new Set(Object.values(world.orderTargets).flat().map((t) => `${t.integrationId}/${t.operationName}`));
    for (const o of data.orders.filter((x) => x.channel === "AI_SKILL")) expect(targets).toContain(`${o.integrationId}/${o.operationName}`);
  });

  it("computes each fee with the rule version in effect, and refunds it proportionally", () => {
    const merchantSlug = new Map(world.merchants.map((m) => [m.id, m.slug]));
    const usedRules = new Set<string>();
    for (const o of data.orders) {
      const rule = o.channel === "ORGANIC" ? null : pickRuleVersion(world.rulesByMerchant[merchantSlug.get(o.merchantId)!], { channel: o.channel, agentId: o.agentId, at: o.occurredAt });
      expect(o.revenueRuleId).toBe(rule?.id ?? null);
      const fee = rule ? computeFeeFen({ amountFen: o.amountFen, rateBps: rule.rateBps, fixedFeeFen: rule.fixedFeeFen }) : 0n;
      expect(o.feeFen).toBe(fee);
      expect(o.feeRefundedFen).toBe(computeFeeRefundFen({ feeFen: fee, amountFen: o.amountFen, refundedFen: o.refundedFen }));
      if (rule) usedRules.add(rule.id);
    }
    // The mid-period change and the agent override both priced real orders.
    const lumen = world.rulesByMerchant["lumen-coffee"];
    expect(usedRules).toContain(lumen.find((r) => r.rateBps === 350)!.id);
    expect(usedRules).toContain(lumen.find((r) => r.agentId !== null)!.id);
    expect(usedRules).not.toContain(lumen.find((r) => r.cancelledAt !== null)!.id);
  });

  it("writes one canonical, hashed event per order event", () => {
    const created = data.events.filter((e) => e.type === "CREATED");
    expect(created).toHaveLength(data.orders.length);
    expect(data.events.filter((e) => e.type === "CANCELLED")).toHaveLength(data.orders.filter((o) => o.status === "CANCELLED").length);
    expect(data.events.filter((e) => e.type === "REFUNDED")).toHaveLength(data.orders.filter((o) => o.refundedFen > 0n).length);
    for (const e of data.events.slice(0, 2_000)) {
      expect(canonicalJson(JSON.parse(e.payload))).toBe(e.payload);
      expect(e.bodyHash).toBe(sha256Hex(e.payload));
      expect(e.sequence).toBe(0);
    }
    const first = JSON.parse(created[0]!.payload);
    expect(first).toMatchObject({ type: "CREATED", externalId: data.orders[0]!.externalId, amountFen: data.orders[0]!.amountFen.toString(), currency: "CNY" });
  });

  it("links completed screen-read sessions to orders and fails about a quarter, on a few pages", () => {
    const screenOrders = data.orders.filter((o) => o.channel === "AI_SCREEN_READ");
    const completed = data.sessions.filter((s) => s.outcome === "COMPLETED");
    expect(completed).toHaveLength(screenOrders.length);
    expect(new Set(completed.map((s) => s.orderExternalId))).toEqual(new Set(screenOrders.map((o) => o.externalId)));
    const failed = data.sessions.filter((s) => s.outcome !== "COMPLETED");
    expect(failed.every((s) => s.orderExternalId === null)).toBe(true);
    const rate = failed.length / data.sessions.length;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.3);
    expect(new Set(failed.map((s) => s.outcome)).size).toBe(6);
    const lumenId = world.merchants.find((m) => m.slug === "lumen-coffee")!.id;
    const lumenFailures = countBy(failed.filter((s) => s.merchantId === lumenId), (s) => `${s.pagePath} ${s.outcome}`);
    const top = Object.entries(lumenFailures).sort((a, b) => b[1] - a[1])[0]!;
    expect(top[0]).toBe("/checkout/pay POPUP_BLOCKED");
  });
});
