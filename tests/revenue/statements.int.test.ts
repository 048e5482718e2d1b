// Statements and the what-if preview against a real database: the demo generator's orders are
// ingested through the route handler (with extra refunds that cross months), then the SQL
// statement of every month is compared with the pure ledger (lib/revenue/statement.ts) over the
// same rows, a month is closed, verified, hit by a late refund and verified again, and the SQL
// preview is compared with the pure preview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { addPeriods, periodOf, periodRange } from "@/lib/revenue/period";
import { computeStatement, type LedgerOrder } from "@/lib/revenue/statement";
import { computePreview } from "@/lib/revenue/what-if";
import { demoActivity, setUpIngest, type IngestFixture } from "../ingest/ingest-fixture";

let fx: IngestFixture;
let lumenId: string;
const now = new Date();
const previous = addPeriods(periodOf(now), -1);

beforeAll(async () => {
  fx = await setUpIngest();
  lumenId = fx.world.merchants.find((m) => m.slug === "lumen-coffee")!.id;
  const activity = demoActivity(fx.world, 2_000);
  const events = activity.events.map((e) => JSON.parse(e.payload) as Record<string, unknown>);
  for (let i = 0; i < events.length; i += 500) expect((await fx.post("orders", { events: events.slice(i, i + 500) })).status).toBe(200);
  // Partial refunds a month after the order (booked in a later month than the order).
  const paid = activity.orders.filter((o) => o.status === "PAID" && o.amountFen >= 10n && o.occurredAt.getTime() < now.getTime() - 40 * 86_400_000).filter((_, i) => i % 20 === 0);
  const slug = (id: string) => fx.world.merchants.find((m) => m.id === id)!.slug;
  const refunds = paid.map((o) => ({ type: "REFUNDED", merchant: slug(o.merchantId), externalId: o.externalId, sequence: 1, refundedFen: (o.amountFen / 3n).toString(), occurredAt: new Date(o.occurredAt.getTime() + 32 * 86_400_000).toISOString() }));
  const response = await fx.post("orders", { events: refunds });
  expect(((await response.json()) as { accepted: number }).accepted).toBe(refunds.length);
}, 180_000);
afterAll(async () => fx?.close());

/** The merchant's orders and refund events as the pure ledger takes them. */
async function ledgerOrders(merchantId: string): Promise<LedgerOrder[]> {
  const { db } = await import("@/lib/db");
  const [orders, events] = await Promise.all([
    db.order.findMany({ where: { merchantId } }),
    db.orderEvent.findMany({ where: { merchantId, type: { in: ["REFUNDED", "CANCELLED"] } }, orderBy: [{ receivedAt: "asc" }, { sequence: "asc" }, { type: "asc" }] }),
  ]);
  const byExternal = new Map<string, LedgerOrder>();
  for (const o of orders) {
    byExternal.set(o.externalId, { channel: o.channel, agentId: o.agentId, paymentMethod: o.paymentMethod, amountFen: o.amountFen, feeFen: o.feeFen, occurredAt: o.occurredAt, receivedAt: o.createdAt, refunds: [], cancelled: null });
  }
  for (const e of events) {
    const order = byExternal.get(e.externalOrderId)!;
    const payload = e.payload as { occurredAt: string; refundedFen?: string | number };
    const at = new Date(payload.occurredAt);
    if (e.type === "CANCELLED") order.cancelled = { at, receivedAt: e.receivedAt };
    else (order.refunds as { amountFen: bigint; at: Date; receivedAt: Date }[]).push({ amountFen: BigInt(payload.refundedFen!), at, receivedAt: e.receivedAt });
  }
  return [...byExternal.values()];
}

async function closedPeriods(merchantId: string) {
  const { db } = await import("@/lib/db");
  const rows = await db.settlementStatement.findMany({ where: { merchantId, status: "CLOSED" }, select: { period: true, closedAt: true } });
  return new Map(rows.map((r) => [r.period, r.closedAt!]));
}

describe("statements", () => {
  it("computes every month in SQL exactly as the pure ledger does, with parts adding up", async () => {
    const { computeStatementFromOrders } = await import("@/lib/data/statements");
    const orders = await ledgerOrders(lumenId);
    let refundsSeen = 0n;
    for (let i = 0; i <= 4; i++) {
      const period = addPeriods(periodOf(now), -i);
      const sql = await computeStatementFromOrders({ merchantId: lumenId, period });
      const pure = computeStatement(orders, period, await closedPeriods(lumenId));
      expect(sql).toEqual(pure);
      expect(sql.lines.reduce((s, l) => s + l.platformShareFen, 0n)).toBe(sql.totals.platformShareFen);
      refundsSeen += sql.totals.refundsFen;
    }
    expect(refundsSeen).toBeGreaterThan(0n);
  });

  it("closes a month: stored figures equal the recomputation, a late refund goes to the month it arrived in", async () => {
    const { closeStatement, getStatement, verifyStatement, computeStatementFromOrders } = await import("@/lib/data/statements");
    const { db } = await import("@/lib/db");
    const endpoint = await db.webhookEndpoint.create({ data: { merchantId: lumenId, url: "https://hooks.example/skillgate", events: ["statement.ready"], secretEnc: "sealed" } });
    const before = await computeStatementFromOrders({ merchantId: lumenId, period: previous });
    expect(before.totals.orders).toBeGreaterThan(0n);

    const closed = await closeStatement({ merchantId: lumenId, period: previous, actor: { id: null, label: "test" } });
    expect(closed.totals).toEqual(before.totals);
    const stored = await getStatement({ merchantId: lumenId, period: previous });
    expect(stored.status).toBe("CLOSED");
    expect(stored.totals).toMatchObject({ grossFen: before.totals.grossFen, platformShareFen: before.totals.platformShareFen, netPayoutFen: before.totals.netPayoutFen });
    expect(stored.lines.length).toBe(before.lines.length);
    expect(await verifyStatement({ merchantId: lumenId, period: previous })).toMatchObject({ matches: true, differences: [] });
    await expect(closeStatement({ merchantId: lumenId, period: previous, actor: { id: null, label: "test" } })).rejects.toMatchObject({ code: "alreadyClosed" });
    await expect(closeStatement({ merchantId: lumenId, period: periodOf(now), actor: { id: null, label: "test" } })).rejects.toMatchObject({ code: "notEnded" });

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ eventType: "statement.ready", status: "PENDING" });
    expect((delivery.payload as { data: { period: string; netPayoutFen: string } }).data).toMatchObject({ period: previous, netPayoutFen: before.totals.netPayoutFen.toString() });
    expect(await db.auditEvent.count({ where: { merchantId: lumenId, action: "statement.close" } })).toBe(1);

    // A refund of an order of the closed month, dated inside it, that arrives now.
    const { start, end } = periodRange(previous);
    const victim = await db.order.findFirstOrThrow({ where: { merchantId: lumenId, status: "PAID", occurredAt: { gte: start, lt: end }, amountFen: { gte: 100n }, feeFen: { gt: 0n } } });
    const currentBefore = await computeStatementFromOrders({ merchantId: lumenId, period: periodOf(now) });
    const late = { type: "REFUNDED", merchant: "lumen-coffee", externalId: victim.externalId, sequence: 5, refundedFen: victim.amountFen.toString(), occurredAt: new Date(end.getTime() - 60_000).toISOString() };
    expect(((await (await fx.post("orders", { events: [late] })).json()) as { accepted: number }).accepted).toBe(1);

    expect(await verifyStatement({ merchantId: lumenId, period: previous })).toMatchObject({ matches: true });
    const currentAfter = await computeStatementFromOrders({ merchantId: lumenId, period: periodOf(now) });
    expect(currentAfter.totals.refundsFen - currentBefore.totals.refundsFen).toBe(victim.amountFen);
    expect(currentBefore.totals.platformShareFen - currentAfter.totals.platformShareFen).toBe(victim.feeFen);
    // The pure ledger agrees, closed month included.
    const orders = await ledgerOrders(lumenId);
    const closedMap = await closedPeriods(lumenId);
    expect(computeStatement(orders, periodOf(now), closedMap)).toEqual(currentAfter);
    expect(computeStatement(orders, previous, closedMap).totals).toEqual(before.totals);
  });

  it("finds the months that ended and are still open", async () => {
    const { endedOpenPeriods } = await import("@/lib/data/statements");
    const open = await endedOpenPeriods({ now });
    const lumen = open.filter((p) => p.merchantId === lumenId).map((p) => p.period);
    expect(lumen).not.toContain(previous);
    expect(lumen).not.toContain(periodOf(now));
    expect(lumen).toContain(addPeriods(previous, -1));
  });

  it("the monthly job closes every ended month of every merchant, and each verifies against the orders", async () => {
    const { closeEndedStatements } = await import("@/lib/jobs/statement-jobs");
    const { endedOpenPeriods, verifyStatement } = await import("@/lib/data/statements");
    const pending = await endedOpenPeriods({ now });
    expect(pending.length).toBeGreaterThan(3);
    expect(await closeEndedStatements({ now })).toEqual({ closed: pending.length, failed: 0 });
    expect(await endedOpenPeriods({ now })).toEqual([]);
    for (const p of pending) expect(await verifyStatement(p)).toMatchObject({ matches: true });
    const { db } = await import("@/lib/db");
    expect(await db.auditEvent.count({ where: { action: "statement.close", actorLabel: "system:close-statements" } })).toBe(pending.length);
  });
});

describe("what-if preview", () => {
  it("the SQL preview equals the pure one over the same orders, for channel rules and agent overrides", async () => {
    const { getRevenuePreview, previewOrdersOf } = await import("@/lib/data/revenue-preview");
    const { start, end } = periodRange(addPeriods(previous, -1));
    const orders = await previewOrdersOf({ merchantId: lumenId, start, end });
    expect(orders.length).toBeGreaterThan(100);
    const aurora = fx.world.agentIds.aurora;
    for (const rule of [
      { channel: "AI_SKILL" as const, agentId: null, rateBps: 275, fixedFeeFen: 0n },
      { channel: "AI_SKILL" as const, agentId: aurora, rateBps: 125, fixedFeeFen: 30n },
      { channel: "AI_SCREEN_READ" as const, agentId: null, rateBps: 333, fixedFeeFen: 7n },
    ]) {
      const sql = await getRevenuePreview({ merchantId: lumenId, start, end, rule });
      expect(sql).toEqual(computePreview(orders, rule));
      expect(sql.totals.proposedFen).not.toBe(sql.totals.actualFen);
    }
  });
});

describe("rule versions and the fee at ingest", () => {
  it("prices orders after a new version's start with it and orders before with the old one; cancelled versions never apply", async () => {
    const { scheduleRevenueRule, cancelRevenueRule, listRevenueRules } = await import("@/lib/data/revenue-rules");
    const { db } = await import("@/lib/db");
    const actor = { userId: "test-user", email: "owner@test.local", ip: "127.0.0.1" };
    const screenAgent = fx.world.agentIds.openclaw;
    const today = shanghaiDateOf(now);
    await expect(scheduleRevenueRule({ merchantId: lumenId, actor, channel: "AI_SCREEN_READ", agentId: screenAgent, rateBps: 1_000, fixedFeeFen: 0n, effectiveDate: "2020-01-01" })).rejects.toMatchObject({ code: "pastDate" });
    const rule = await scheduleRevenueRule({ merchantId: lumenId, actor, channel: "AI_SCREEN_READ", agentId: screenAgent, rateBps: 1_000, fixedFeeFen: 5n, effectiveDate: today });
    await expect(scheduleRevenueRule({ merchantId: lumenId, actor, channel: "AI_SCREEN_READ", agentId: screenAgent, rateBps: 900, fixedFeeFen: 0n, effectiveDate: today })).rejects.toMatchObject({ code: "sameDate" });
    const future = await scheduleRevenueRule({ merchantId: lumenId, actor, channel: "AI_SCREEN_READ", agentId: screenAgent, rateBps: 9_000, fixedFeeFen: 0n, effectiveDate: "2099-01-01" });
    await cancelRevenueRule({ merchantId: lumenId, actor, ruleId: future.id });
    await expect(cancelRevenueRule({ merchantId: lumenId, actor, ruleId: rule.id })).rejects.toMatchObject({ code: "alreadyStarted" });
    await expect(cancelRevenueRule({ merchantId: "someone-else", actor, ruleId: future.id })).rejects.toMatchObject({ code: "ruleNotFound" });

    const order = (externalId: string, at: Date, amountFen: number) => ({ type: "CREATED", merchant: "lumen-coffee", externalId, channel: "AI_SCREEN_READ", agent: "openclaw", paymentMethod: "AI_WALLET", amountFen, occurredAt: at.toISOString() });
    const beforeStart = new Date(rule.effectiveFrom.getTime() - 60_000);
    const afterStart = new Date(rule.effectiveFrom.getTime() + 60_000);
    const response = await fx.post("orders", { events: [order("rev-before", beforeStart, 3_333), order("rev-after", afterStart, 3_333), order("rev-micro", afterStart, 1)] });
    expect(((await response.json()) as { accepted: number }).accepted).toBe(3);
    const stored = await db.order.findMany({ where: { merchantId: lumenId, externalId: { in: ["rev-before", "rev-after", "rev-micro"] } }, orderBy: { externalId: "asc" } });
    const [after, beforeOrder, micro] = stored;
    expect(after).toMatchObject({ revenueRuleId: rule.id, feeFen: 338n }); // 333.3 → 333, + 5 fixed
    expect(beforeOrder!.revenueRuleId).not.toBe(rule.id);
    expect(beforeOrder!.feeFen).toBe(100n); // the channel's 3 % rule: 99.99 → 100
    expect(micro).toMatchObject({ revenueRuleId: rule.id, feeFen: 1n }); // the fixed fee is capped at the 1-fen amount

    const listed = await listRevenueRules({ merchantId: lumenId });
    expect(listed.find((r) => r.id === rule.id)).toMatchObject({ state: "current", cancellable: false });
    expect(listed.find((r) => r.id === future.id)).toMatchObject({ state: "cancelled", cancellable: false });
    const audit = await db.auditEvent.findMany({ where: { merchantId: lumenId, objectType: "RevenueShareRule", actorLabel: actor.email }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["revenueRule.schedule", "revenueRule.schedule", "revenueRule.cancel"]);
  });
});
