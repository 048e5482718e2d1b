// Seeds a database of its own (cloned from the run's migrated template) and checks the loaded
// data against its own definitions.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { hashApiKeySecret } from "../../lib/api-keys/secret";
import { bodyHash } from "../../lib/canonical-json";
import { DEMO_PASSWORD, demoApiKeys, demoUsers } from "../../lib/demo/catalogue";
import { computeFeeFen } from "../../lib/revenue/fee";
import { rollupDefinitions, rollupMismatchCountSql } from "../../lib/rollups/definitions";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database";
import { isDatabaseEmpty, seedDemoData, type SeedProgress, type SeedSummary } from "./seed";

describe("seedDemoData (PostgreSQL)", () => {
  let database: TestDatabase;
  let url: string;
  let client: pg.Client;
  let summary: SeedSummary;
  const progress: SeedProgress[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.url;
    expect(await isDatabaseEmpty(url)).toBe(true);
    summary = await seedDemoData({ connectionString: url, seed: 42, orders: 3_000, now: new Date("2026-11-28T00:00:00Z"), onProgress: (p) => progress.push(p) });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("loads what it reports and reports progress", async () => {
    const { rows } = await client.query(`SELECT (SELECT count(*) FROM "Order")::int AS orders, (SELECT count(*) FROM "OrderEvent")::int AS events, (SELECT count(*) FROM "ScreenReadSession")::int AS sessions`);
    expect(rows[0]).toEqual({ orders: 3_000, events: summary.orderEvents, sessions: summary.screenReadSessions });
    expect(progress.find((p) => p.phase === "orders" && p.done === p.total)?.total).toBe(3_000);
    expect(await isDatabaseEmpty(url)).toBe(false);
    await expect(seedDemoData({ connectionString: url, orders: 10 })).rejects.toThrow(/already has merchants/);
  });

  it("has rollups whose totals per channel equal direct sums over Order", async () => {
    const direct = await client.query(`
      SELECT "channel",
             count(*) FILTER (WHERE "status" <> 'CANCELLED')::text AS orders,
             coalesce(sum("amountFen") FILTER (WHERE "status" <> 'CANCELLED'), 0)::text AS gmv,
             coalesce(sum("refundedFen"), 0)::text AS refunds,
             count(*) FILTER (WHERE "status" = 'CANCELLED')::text AS cancelled,
             coalesce(sum("feeFen") FILTER (WHERE "status" <> 'CANCELLED'), 0)::text AS fee,
             coalesce(sum("feeRefundedFen"), 0)::text AS "feeRefunded"
        FROM "Order" GROUP BY 1 ORDER BY 1`);
    const rollup = await client.query(`
      SELECT "channel", sum("orders")::text AS orders, sum("gmvFen")::text AS gmv, sum("refundsFen")::text AS refunds,
             sum("cancelledOrders")::text AS cancelled, sum("feeFen")::text AS fee, sum("feeRefundedFen")::text AS "feeRefunded"
        FROM "OrderRollupHourly" GROUP BY 1 ORDER BY 1`);
    expect(direct.rows).toHaveLength(3);
    expect(rollup.rows).toEqual(direct.rows);
    // And row for row, every rollup table is exactly its shared definition.
    for (const definition of rollupDefinitions) {
      const diff = await client.query(rollupMismatchCountSql(definition), [null, null, null]);
      expect(diff.rows[0].n, definition.table).toBe(0);
    }
  });

  it("creates every demo user with the demo password", async () => {
    const { rows } = await client.query(`SELECT "email", "passwordHash", "platformRole" FROM "User" ORDER BY "email"`);
    expect(rows.map((r) => r.email).sort()).toEqual(demoUsers.map((u) => u.email).sort());
    expect(await verifyPassword(rows[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    const memberships = await client.query(`SELECT m."slug", ms."role" FROM "Membership" ms JOIN "User" u ON u."id" = ms."userId" JOIN "Merchant" m ON m."id" = ms."merchantId" WHERE u."email" = 'owner@lumen.demo' ORDER BY 1`);
    expect(memberships.rows).toEqual([{ slug: "daymart", role: "ADMIN" }, { slug: "lumen-coffee", role: "OWNER" }]);
  });

  it("charges each order the fee of its rule version", async () => {
    const { rows } = await client.query(`
      SELECT o."amountFen"::text AS amount, o."feeFen"::text AS fee, o."occurredAt", o."channel", r."rateBps", r."fixedFeeFen"::text AS fixed, r."effectiveFrom"
        FROM "Order" o LEFT JOIN "RevenueShareRule" r ON r."id" = o."revenueRuleId"
       ORDER BY o."id" LIMIT 400`);
    for (const row of rows) {
      if (row.channel === "ORGANIC") {
        expect(row.rateBps).toBeNull();
        expect(row.fee).toBe("0");
        continue;
      }
      expect(row.effectiveFrom.getTime()).toBeLessThanOrEqual(row.occurredAt.getTime());
      expect(row.fee).toBe(computeFeeFen({ amountFen: BigInt(row.amount), rateBps: row.rateBps, fixedFeeFen: BigInt(row.fixed) }).toString());
    }
    const live = await client.query(`SELECT count(*)::int AS n FROM "Order" o JOIN "Integration" i ON i."id" = o."integrationId" WHERE i."liveVersionId" IS NULL`);
    expect(live.rows[0].n).toBe(0);
  });

  it("stores the documented demo keys as their SHA-256", async () => {
    for (const key of demoApiKeys) {
      const { rows } = await client.query(`SELECT "kind", "prefix", "scopes" FROM "ApiKey" WHERE "hash" = $1`, [hashApiKeySecret(key.secret)]);
      expect(rows).toEqual([{ kind: key.kind, prefix: key.secret.slice(0, 12), scopes: [...key.scopes] }]);
    }
  });

  it("stores event payloads whose canonical JSON hashes to bodyHash", async () => {
    const { rows } = await client.query(`SELECT "payload"::text AS payload, "bodyHash" FROM "OrderEvent" ORDER BY "merchantId", "externalOrderId", "type", "sequence" LIMIT 500`);
    expect(rows).toHaveLength(500);
    for (const row of rows) expect(bodyHash(JSON.parse(row.payload))).toBe(row.bodyHash);
  });

  it("links screen-read sessions to orders by external id", async () => {
    const { rows } = await client.query(`
      SELECT count(*) FILTER (WHERE s."outcome" = 'COMPLETED')::int AS completed,
             count(*) FILTER (WHERE s."outcome" = 'COMPLETED' AND o."id" IS NULL)::int AS orphans,
             count(*) FILTER (WHERE s."outcome" <> 'COMPLETED')::int AS failed
        FROM "ScreenReadSession" s LEFT JOIN "Order" o ON o."merchantId" = s."merchantId" AND o."externalId" = s."orderExternalId"`);
    expect(rows[0].orphans).toBe(0);
    expect(rows[0].failed / (rows[0].failed + rows[0].completed)).toBeGreaterThan(0.15);
  });
});
