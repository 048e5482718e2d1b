// 8 parallel POSTs of the same and overlapping batches (creates, refunds, cancellations):
// every event is stored once, every effect is counted once, and no batch fails on a deadlock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoActivity, setUpIngest, type IngestFixture, type Report } from "./ingest-fixture";

let fx: IngestFixture;
beforeAll(async () => {
  fx = await setUpIngest();
}, 120_000);
afterAll(async () => fx?.close());

describe("concurrent ingest", () => {
  it("stores each event once and keeps the rollups exact under 8 parallel overlapping batches", async () => {
    const activity = demoActivity(fx.world, 1_800);
    const events = activity.events.map((e) => JSON.parse(e.payload) as Record<string, unknown>);
    // Creates first (all clients), then the refunds and cancellations (all clients), so every
    // change finds its order; the overlap is in both rounds.
    const creates = events.filter((e) => e.type === "CREATED");
    const changes = events.filter((e) => e.type !== "CREATED");
    expect(changes.length).toBeGreaterThan(50);

    const windows = (list: Record<string, unknown>[]) => {
      const size = Math.ceil(list.length / 4);
      // Client k sends a window that overlaps its neighbours' by half; clients 4–7 repeat 0–3.
      return Array.from({ length: 8 }, (_, k) => {
        const start = Math.floor(((k % 4) * size) / 1) - (k % 4 ? Math.floor(size / 2) : 0);
        return list.slice(Math.max(0, start), Math.min(list.length, start + size + Math.floor(size / 2)));
      });
    };
    const round = async (list: Record<string, unknown>[]) => {
      const batches = windows(list).map((batch) => batch.slice(0, 1_000));
      const covered = new Set(batches.flat());
      expect(covered.size).toBe(list.length);
      const responses = await Promise.all(batches.map((batch) => fx.post("orders", { events: batch })));
      const reports = (await Promise.all(responses.map((r) => r.json()))) as Report[];
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
      const accepted = reports.reduce((n, r) => n + r.accepted, 0);
      const duplicates = reports.reduce((n, r) => n + r.duplicates, 0);
      expect(reports.reduce((n, r) => n + r.rejected + r.conflicts, 0)).toBe(0);
      expect(accepted).toBe(list.length);
      expect(accepted + duplicates).toBe(batches.reduce((n, b) => n + b.length, 0));
    };
    await round(creates);
    await round(changes);

    const { rows } = await fx.client.query(`SELECT (SELECT count(*) FROM "OrderEvent")::int AS events, (SELECT count(*) FROM "Order")::int AS orders`);
    expect(rows[0]).toEqual({ events: events.length, orders: creates.length });
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });

    // And the totals equal the generator's own.
    const gmv = activity.orders.filter((o) => o.status !== "CANCELLED").reduce((s, o) => s + o.amountFen, 0n);
    const refunds = activity.orders.reduce((s, o) => s + o.refundedFen, 0n);
    const fees = activity.orders.filter((o) => o.status !== "CANCELLED").reduce((s, o) => s + o.feeFen, 0n);
    const totals = await fx.client.query(`SELECT sum("gmvFen")::text g, sum("refundsFen")::text r, sum("feeFen")::text f FROM "OrderRollupDaily"`);
    expect(totals.rows[0]).toEqual({ g: gmv.toString(), r: refunds.toString(), f: fees.toString() });
  });

  it("handles 8 parallel copies of one screen-read batch: each session counted once", async () => {
    const activity = demoActivity(fx.world, 1_200);
    const batch = activity.sessionBodies.slice(0, 1_000);
    const responses = await Promise.all(Array.from({ length: 8 }, () => fx.post("screen-reads", { events: batch })));
    const reports = (await Promise.all(responses.map((r) => r.json()))) as Report[];
    expect(reports.reduce((n, r) => n + r.accepted, 0)).toBe(batch.length);
    expect(reports.reduce((n, r) => n + r.duplicates, 0)).toBe(batch.length * 7);
    const { rows } = await fx.client.query(`SELECT (SELECT count(*) FROM "ScreenReadSession")::int AS sessions, (SELECT sum("sessions") FROM "ScreenReadRollupDaily")::int AS rolled`);
    expect(rows[0]).toEqual({ sessions: batch.length, rolled: batch.length });
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });
  });
});
