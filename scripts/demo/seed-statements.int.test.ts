// The demo's closed statements: one per merchant for the last month that ended before the window's
// end, frozen with figures that a recomputation from the seeded orders reproduces to the fen, and
// the demo's scheduled (future) rule change is there for the rules page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database";
import { seedDemoData } from "./seed";

let database: TestDatabase;
const now = new Date("2026-11-28T00:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedDemoData({ connectionString: database.url, seed: 7, orders: 1_500, now });
}, 120_000);
afterAll(async () => {
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  await database?.drop();
});

describe("demo statements", () => {
  it("closes October 2026 for every merchant, and each verifies against the orders", async () => {
    const { db } = await import("../../lib/db");
    const { verifyStatement, getStatement } = await import("../../lib/data/statements");
    const closed = await db.settlementStatement.findMany({ where: { status: "CLOSED" }, select: { merchantId: true, period: true, closedAt: true } });
    expect(closed.map((s) => s.period)).toEqual(["2026-10", "2026-10", "2026-10", "2026-10"]);
    for (const s of closed) {
      expect(s.closedAt).toEqual(now);
      expect(await verifyStatement(s)).toMatchObject({ matches: true });
      const view = await getStatement(s);
      expect(view.totals.orders).toBeGreaterThan(0n);
      expect(view.lines.reduce((sum, l) => sum + l.netPayoutFen, 0n)).toBe(view.totals.netPayoutFen);
    }
    expect(await getStatement({ merchantId: closed[0]!.merchantId, period: "2026-11" })).toMatchObject({ status: "OPEN" });
  });

  it("has a scheduled rule change after the window", async () => {
    const { db } = await import("../../lib/db");
    expect(await db.revenueShareRule.count({ where: { effectiveFrom: { gt: now }, cancelledAt: null } })).toBeGreaterThan(0);
  });
});
