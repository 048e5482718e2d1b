// Bad input gets a 4xx with a clear message, never a 500, and nothing from an invalid event is
// stored; plus authentication, the body size limit, the per-key rate limit and screen reads.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setUpIngest, type IngestFixture, type Report } from "./ingest-fixture";

let fx: IngestFixture;
beforeAll(async () => {
  fx = await setUpIngest();
}, 120_000);
afterAll(async () => fx?.close());

const at = "2026-11-20T08:00:00Z";
const good = { type: "CREATED", merchant: "lumen-coffee", externalId: "BAD-OK-1", channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: 1800, occurredAt: at };

async function counts() {
  const { rows } = await fx.client.query(
    `SELECT (SELECT count(*) FROM "Order")::int o, (SELECT count(*) FROM "OrderEvent")::int e, (SELECT count(*) FROM "ScreenReadSession")::int s, (SELECT count(*) FROM "OrderRollupHourly")::int h`,
  );
  return rows[0];
}

async function error(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("batches that are not batches", () => {
  it("answers 400 with a reason for malformed JSON, non-objects, missing or oversized event lists", async () => {
    const before = await counts();
    const cases: [unknown, string, RegExp][] = [
      ['{"events": [', "invalid_json", /not valid JSON/],
      ["[]", "invalid_batch", /JSON object/],
      ['"events"', "invalid_batch", /JSON object/],
      ["null", "invalid_batch", /JSON object/],
      [{ event: [] }, "invalid_batch", /Unknown top-level field "event"/],
      [{ events: "x" }, "invalid_batch", /must be an array/],
      [{ events: [] }, "invalid_batch", /empty/],
      [{ events: Array.from({ length: 1_001 }, (_, i) => ({ ...good, externalId: `BIG-${i}` })) }, "invalid_batch", /at most 1000 events; this one has 1001/],
    ];
    for (const [body, code, message] of cases) {
      const response = await fx.post("orders", body);
      expect(response.status, String(body).slice(0, 40)).toBe(400);
      expect(await error(response)).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 413 for a body over 2 MiB, counted while streaming even with a false Content-Length", async () => {
    const big = JSON.stringify({ events: [{ ...good, externalId: "x".repeat(3 * 1024 * 1024) }] });
    const plain = await fx.post("orders", big);
    expect(plain.status).toBe(413);
    expect(await error(plain)).toMatchObject({ code: "body_too_large" });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(encoder.encode(big.slice(i * 1_100_000, (i + 1) * 1_100_000)));
        controller.close();
      },
    });
    const { POST } = await import("@/app/api/v1/events/orders/route");
    const lying = await POST(
      new Request("http://localhost/api/v1/events/orders", {
        method: "POST",
        headers: { authorization: `Bearer sg_ingest_demo_00000000000000000000000000000000`, "content-length": "100" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(lying.status).toBe(413);
  });

  it("answers 401 without a key and 403 with another kind of key", async () => {
    expect((await fx.post("orders", { events: [good] }, { key: "nope" })).status).toBe(401);
    const other = await fx.post("orders", { events: [good] }, { key: "sg_agent_demo_aurora_000000000000000000000000" });
    expect(other.status).toBe(403);
  });
});

describe("bad events", () => {
  it("rejects each bad event with its index, field and reason, stores nothing of them, and answers 422 when all are bad", async () => {
    const before = await counts();
    const bad = [
      { ...good, amountFen: "12abc" },
      { ...good, amountFen: 1e30 },
      { ...good, amountFen: -100 },
      { ...good, amountFen: "99999999999999999999" },
      { ...good, externalId: "x".repeat(500) },
      { ...good, surprise: true },
      { ...good, channel: 7 },
      { ...good, occurredAt: "yesterday" },
      "not an object",
      { ...good, channel: "AI_SKILL" },
    ];
    const response = await fx.post("orders", { events: bad });
    expect(response.status).toBe(422);
    const report = (await response.json()) as Report;
    expect(report).toMatchObject({ accepted: 0, duplicates: 0, conflicts: 0, rejected: bad.length });
    expect(report.results.map((r) => [r.index, r.errors?.[0]?.path])).toEqual([
      [0, "amountFen"],
      [1, "amountFen"],
      [2, "amountFen"],
      [3, "amountFen"],
      [4, "externalId"],
      [5, "surprise"],
      [6, "channel"],
      [7, "occurredAt"],
      [8, ""],
      [9, "agent"],
    ]);
    expect(report.results[9]?.errors?.map((e) => e.path)).toEqual(["agent", "integrationId", "operation"]);
    expect(await counts()).toEqual(before);
  });

  it("keeps the good events of a batch with bad ones (200)", async () => {
    const response = await fx.post("orders", { events: [{ ...good, amountFen: 0 }, good] });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.results).toEqual([
      { index: 0, status: "rejected", errors: [{ path: "amountFen", message: "amountFen must be positive." }] },
      { index: 1, status: "accepted" },
    ]);
  });

  it("answers 409 when the only event conflicts with a stored one", async () => {
    const response = await fx.post("orders", { events: [{ ...good, amountFen: 1900 }] });
    expect(response.status).toBe(409);
    const report = (await response.json()) as Report;
    expect(report.results[0]).toMatchObject({ status: "conflict", errors: [{ message: expect.stringMatching(/different body/) }] });
    const { rows } = await fx.client.query(`SELECT "amountFen"::int FROM "Order" WHERE "externalId" = 'BAD-OK-1'`);
    expect(rows).toEqual([{ amountFen: 1800 }]);
  });
});

describe("one batch of CREATED events with every outcome", () => {
  it("keeps each event's own status in batch order: new, stored duplicate, stored conflict, order without its event", async () => {
    const base = { ...good, occurredAt: "2026-11-21T09:30:00Z" };
    expect((await fx.post("orders", { events: [{ ...base, externalId: "MIX-STORED" }] })).status).toBe(200);
    // An order loaded some other way: the row exists, its CREATED event does not.
    const { rows: merchants } = await fx.client.query(`SELECT "id" FROM "Merchant" WHERE "slug" = 'lumen-coffee'`);
    await fx.client.query(
      `INSERT INTO "Order" ("merchantId", "externalId", "channel", "paymentMethod", "amountFen", "occurredAt", "updatedAt") VALUES ($1, 'MIX-LOADED', 'ORGANIC', 'STANDARD', 500, '2026-11-21T09:30:00', now())`,
      [merchants[0].id],
    );
    const hourBefore = await fx.client.query(`SELECT coalesce(sum("orders"), 0)::int n, coalesce(sum("gmvFen"), 0)::int g FROM "OrderRollupHourly" WHERE "hour" = '2026-11-21T09:00:00'`);

    const response = await fx.post("orders", {
      events: [
        { ...base, externalId: "MIX-NEW-1" },
        { ...base, externalId: "MIX-STORED" },
        { ...base, externalId: "MIX-STORED", amountFen: 9999 },
        { ...base, externalId: "MIX-LOADED", amountFen: 700 },
        { ...base, externalId: "MIX-NEW-2", amountFen: 2000 },
      ],
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.results.map((r) => r.status)).toEqual(["accepted", "duplicate", "conflict", "conflict", "accepted"]);
    expect(report.results[3]?.errors).toEqual([{ path: "externalId", message: 'An order "MIX-LOADED" already exists for this merchant; it was not changed.' }]);
    const { rows } = await fx.client.query(
      `SELECT (SELECT "amountFen"::int FROM "Order" WHERE "externalId" = 'MIX-LOADED') loaded,
              (SELECT count(*)::int FROM "OrderEvent" WHERE "externalOrderId" = 'MIX-LOADED') "loadedEvents",
              (SELECT count(*)::int FROM "Order" WHERE "externalId" LIKE 'MIX-NEW-%') "newOrders"`,
    );
    expect(rows[0]).toEqual({ loaded: 500, loadedEvents: 0, newOrders: 2 });
    // Only the two new orders reach the rollups (the loaded order is outside ingestion's books).
    const hourAfter = await fx.client.query(`SELECT sum("orders")::int n, sum("gmvFen")::int g FROM "OrderRollupHourly" WHERE "hour" = '2026-11-21T09:00:00'`);
    expect(hourAfter.rows[0]).toEqual({ n: hourBefore.rows[0].n + 2, g: hourBefore.rows[0].g + 1800 + 2000 });
    // The rollup definitions count every order row: take the loaded one out again for later checks.
    await fx.client.query(`DELETE FROM "Order" WHERE "externalId" = 'MIX-LOADED'`);
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });
  });
});

describe("rate limit", () => {
  afterEach(async () => (await import("@/lib/api/ingest-endpoint")).resetIngestRateLimit());
  it("answers 429 with Retry-After once a key has spent its events", async () => {
    const { resetIngestRateLimit } = await import("@/lib/api/ingest-endpoint");
    resetIngestRateLimit({ ratePerSecond: 1, burst: 1_000 });
    const batch = Array.from({ length: 600 }, (_, i) => ({ ...good, externalId: `RL-${i}` }));
    expect((await fx.post("orders", { events: batch })).status).toBe(200);
    const limited = await fx.post("orders", { events: batch });
    expect(limited.status).toBe(429);
    // 400 tokens left after the first batch, refilling at 1/s: about 200 s to wait for 600 more.
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(150);
    expect(await error(limited)).toMatchObject({ code: "rate_limited" });
  });
});

describe("screen-read sessions", () => {
  const session = { merchant: "lumen-coffee", externalId: "SR-1", agent: "aurora", pagePath: "/checkout/pay", steps: 9, outcome: "POPUP_BLOCKED", startedAt: at, durationMs: 4_000 };
  it("accepts, deduplicates, flags conflicts and rejects unknown agents and bad fields", async () => {
    const response = await fx.post("screen-reads", {
      events: [session, session, { ...session, steps: 10 }, { ...session, externalId: "SR-2", agent: "ghost" }, { ...session, externalId: "SR-3", outcome: "EXPLODED" }, { ...session, externalId: "SR-4", orderExternalId: "LMN-1", outcome: "COMPLETED" }],
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.results.map((r) => r.status)).toEqual(["accepted", "duplicate", "conflict", "rejected", "rejected", "accepted"]);
    expect(report.results[3]?.errors).toEqual([{ path: "agent", message: 'Unknown agent "ghost": not in the agent catalogue.' }]);
    const again = await fx.post("screen-reads", { events: [{ ...session, steps: 10 }] });
    expect(again.status).toBe(409);
    const { rows } = await fx.client.query(`SELECT sum("sessions")::int s, sum("steps")::int st, sum("linkedOrders")::int l FROM "ScreenReadRollupDaily"`);
    expect(rows[0]).toEqual({ s: 2, st: 18, l: 1 });
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });
  });
});
