// Property-based fuzzing (fast-check) of the public API with hostile input: malformed JSON, wrong
// types, huge and negative numbers, overlong strings, NUL, lone surrogates, RTL marks, duplicate
// keys, deep nesting. The route handlers are called directly with Request objects against a
// database of this file's own (the demo catalogue, no orders). Properties: the answer is always a
// 4xx with a machine code and a sentence (never a 500, never a throw), and nothing of a rejected
// event is stored (row counts move by exactly the number of accepted events).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoApiKeys } from "@/lib/demo/catalogue";
import { setUpIngest, type IngestFixture, type Report } from "../ingest/ingest-fixture";

let fx: IngestFixture;
let decision: (r: Request) => Promise<Response>;
let attribution: (r: Request) => Promise<Response>;
const cases: Record<string, number> = {};
const count = (name: string) => (cases[name] = (cases[name] ?? 0) + 1);

beforeAll(async () => {
  fx = await setUpIngest();
  decision = (await import("@/app/api/v1/policy/decision/route")).GET;
  attribution = (await import("@/app/api/v1/analytics/attribution/route")).GET;
}, 180_000);
afterAll(async () => {
  const total = Object.values(cases).reduce((a, b) => a + b, 0);
  console.info(`[fuzz] ${total} cases run: ${JSON.stringify(cases)}`);
  await fx?.close();
});

const AGENT_KEY = demoApiKeys.find((k) => k.kind === "AGENT")!.secret;
const ANALYTICS_KEY = demoApiKeys.find((k) => k.kind === "MERCHANT_ANALYTICS")!.secret;
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
let serial = 0;
const nextId = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

// ── hostile values ────────────────────────────────────────────────────────────────────────────
const nasty = fc.constantFrom<unknown>(
  1e308, -1e308, -1, 0, -0, 0.5, -0.000001, 2 ** 53, 2 ** 53 + 2, 2 ** 63, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER,
  "99999999999999999999999", "100000000001", "-5", "1e3", "0x10", " 12", "", " ", "\u0000", "a\u0000b", "\ud800", "x\udfff", "\u202eevil", "\u200f\u200e",
  "\ufeff", "😀", "𠀀", "NaN", "Infinity", "null", "true", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\\u0000",
  null, true, false, [], {}, [1, 2], { $gt: "" }, { __proto__: { polluted: 1 } }, "2026-02-30T00:00:00Z", "1999-12-31T23:59:59Z", "9999-01-01T00:00:00Z",
);
const deep = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown;
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 129, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 2000 }).map(deep) },
);

const at = () => new Date(Date.now() - 3_600_000).toISOString();
const orderTemplate = () => ({ type: "CREATED", merchant: "lumen-coffee", externalId: nextId("FZ"), channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: 1800, occurredAt: at() });
const sessionTemplate = () => ({ merchant: "lumen-coffee", externalId: nextId("FZS"), agent: "aurora", pagePath: "/menu", steps: 3, outcome: "COMPLETED", startedAt: at(), durationMs: 1000 });

/** A valid event with one field set to a hostile value (or a hostile extra field, or the field removed). */
const mutated = (template: () => Record<string, unknown>) =>
  fc.record({
    field: fc.constantFrom(...Object.keys(template()), "surprise", "__proto__", "constructor"),
    value: hostileValue,
    drop: fc.boolean(),
  }).map(({ field, value, drop }) => {
    const event = template();
    if (drop && field in event) delete event[field];
    else Object.defineProperty(event, field, { value, enumerable: true, writable: true, configurable: true });
    return event;
  });

async function tableCounts() {
  const { rows } = await fx.client.query(
    `SELECT (SELECT count(*) FROM "Order")::int orders, (SELECT count(*) FROM "OrderEvent")::int events, (SELECT count(*) FROM "ScreenReadSession")::int sessions`,
  );
  return rows[0] as { orders: number; events: number; sessions: number };
}

/** A 4xx that explains itself: an error body with a code and a sentence, or a batch report whose every rejection has reasons. */
async function expectClear4xx(response: Response, label: string) {
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  const body = (await response.json()) as { error?: { code: string; message: string } } & Partial<Report>;
  if (body.error) {
    expect(body.error.code, label).toMatch(/^[a-z_]+$/);
    expect(body.error.message.length, label).toBeGreaterThan(10);
  } else {
    expect(body.results?.length, label).toBeGreaterThan(0);
    for (const r of body.results!) if (r.status === "rejected") expect(r.errors?.[0]?.message.length, label).toBeGreaterThan(5);
  }
  return body;
}

function rawPost(path: "orders" | "screen-reads", text: string) {
  return fx.post(path, text);
}

describe("ingestion API under hostile input", () => {
  it("answers bodies that are not batches (garbage, random JSON, deep nesting) with a clear 4xx and stores nothing", async () => {
    const before = await tableCounts();
    const body = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ events: v })),
      fc.integer({ min: 1, max: 200_000 }).map((d) => "[".repeat(d) + "]".repeat(d)),
      fc.integer({ min: 1, max: 50_000 }).map((d) => `{"events":${"[".repeat(d)}${"]".repeat(d)}}`),
      fc.constantFrom('{"events": [', "{", "\u0000", "\ufeff{}", '{"events":[]}', '{"events":null}', '{"events":{"0":{}}}', "1e999", '{"events":[1,2,3]}'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("orders" as const, "screen-reads" as const), body, async (path, text) => {
        count("ingest:not-a-batch");
        const response = await rawPost(path, text);
        await expectClear4xx(response, `${path} ${text.slice(0, 60)}`);
      }),
      { numRuns: RUNS },
    );
    expect(await tableCounts()).toEqual(before);
  });

  /** Batches of 1–4 events, each with one hostile field: the rows written equal the events accepted. */
  async function fuzzFields(path: "orders" | "screen-reads", template: () => Record<string, unknown>, stored: (c: Awaited<ReturnType<typeof tableCounts>>) => number[]) {
    await fc.assert(
      fc.asyncProperty(fc.array(mutated(template), { minLength: 1, maxLength: 4 }), async (events) => {
        count(`ingest:${path}-fields`);
        const before = stored(await tableCounts());
        const response = await fx.post(path, { events });
        expect(response.status, JSON.stringify(events).slice(0, 200)).toBeLessThan(500);
        const report = (await response.json()) as Report;
        const accepted = report.results.filter((r) => r.status === "accepted").length;
        if (!accepted) await expectClear4xx(new Response(JSON.stringify(report), { status: response.status }), "all rejected");
        for (const r of report.results) if (r.status === "rejected") expect(r.errors?.[0]?.message).toBeTruthy();
        expect(stored(await tableCounts()).map((n, i) => n - before[i]!)).toEqual(before.map(() => accepted));
      }),
      { numRuns: RUNS },
    );
    expect(await fx.rollupMismatches()).toEqual({ OrderRollupHourly: 0, OrderRollupDaily: 0, ScreenReadRollupDaily: 0 });
  }

  it("rejects order events with one hostile field each, with reasons, storing exactly the accepted ones", async () => {
    await fuzzFields("orders", orderTemplate, (c) => [c.orders, c.events]);
  });

  it("rejects screen-read sessions with one hostile field each, storing exactly the accepted ones", async () => {
    await fuzzFields("screen-reads", sessionTemplate, (c) => [c.sessions]);
  });

  it("treats duplicate keys as JSON does (the last wins) and never stores the shadowed value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("amountFen", "merchant", "channel", "externalId", "type"), hostileValue, fc.boolean(), async (field, value, hostileLast) => {
        count("ingest:duplicate-keys");
        const event: Record<string, unknown> = orderTemplate();
        const good = JSON.stringify(event[field]);
        const bad = JSON.stringify(value) ?? "null";
        delete event[field];
        const [first, last] = hostileLast ? [good, bad] : [bad, good];
        const text = `{"events":[{"${field}":${first},${JSON.stringify(event).slice(1, -1)},"${field}":${last}}]}`;
        const before = await tableCounts();
        const response = await rawPost("orders", text);
        expect(response.status, text.slice(0, 200)).toBeLessThan(500);
        const report = (await response.json()) as Report;
        const accepted = report.results?.filter((r) => r.status === "accepted").length ?? 0;
        expect((await tableCounts()).orders - before.orders).toBe(accepted);
        // The good value last: accepted as if sent once.
        if (!hostileLast) expect(accepted, text).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("policy decision API under hostile queries", () => {
  const keys = fc.constantFrom("merchant", "agent", "action", "path", "integration", "x", "__proto__", "merchant[]");
  const value = fc.oneof(
    fc.constantFrom("lumen-coffee", "aurora", "screen_read", "skill_call", "/menu/**", "/a/../b", "//", "*", "**", "\u0000", "\ud800", "\u202e", "LUMEN-COFFEE", ""),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ minLength: 100, maxLength: 5000 }),
  );
  it("answers every query with 200 or a clear 4xx, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(keys, value), { maxLength: 6 }), async (pairs) => {
        count("policy:query");
        const query = new URLSearchParams(pairs).toString();
        const response = await decision(new Request(`http://localhost/api/v1/policy/decision?${query}`, { headers: { authorization: `Bearer ${AGENT_KEY}` } }));
        if (response.status === 200) expect((await response.json()).decision).toMatch(/^(allow|deny)$/);
        else await expectClear4xx(response, query.slice(0, 200));
      }),
      { numRuns: RUNS },
    );
  });

  it("decides any screen-read path for a valid merchant and agent (200) or refuses the path (400)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.webPath(), fc.string({ minLength: 1000, maxLength: 20_000 })), async (path) => {
        count("policy:path");
        const query = new URLSearchParams({ merchant: "lumen-coffee", agent: "aurora", action: "screen_read", path });
        const response = await decision(new Request(`http://localhost/api/v1/policy/decision?${query}`, { headers: { authorization: `Bearer ${AGENT_KEY}` } }));
        if (response.status !== 200) {
          expect(response.status).toBe(400);
          await expectClear4xx(response, path.slice(0, 100));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("answers hostile Authorization headers with 401, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom("Bearer ", "Bearer sg_agent_", "bearer sg_agent_demo_aurora_00000000000000000000000\u0000", "Basic Zm9vOmJhcg==")), async (header) => {
        count("policy:auth-header");
        let request: Request;
        try {
          request = new Request("http://localhost/api/v1/policy/decision?merchant=lumen-coffee&agent=aurora&action=screen_read&path=/", { headers: { authorization: header } });
        } catch {
          return; // not a legal header value: the HTTP layer refuses it before any handler
        }
        const response = await decision(request);
        expect(response.status).toBe(401);
        await expectClear4xx(response, header.slice(0, 40));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("analytics API under hostile queries", () => {
  it("answers every query with 200 or a clear 400, never a 500", async () => {
    const keys = fc.constantFrom("from", "to", "interval", "groupBy", "includeVerification", "compare", "merchant", "limit");
    const value = fc.oneof(
      fc.constantFrom("2026-11-01", "2026-02-30", "1999-01-01", "9999-12-31", "-1", "day", "hour", "week", "month", "year", "agent", "channel", "integration", "paymentMethod", "1", "true", "\u0000", "\ud800", ""),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(keys, value), { maxLength: 5 }), async (pairs) => {
        count("analytics:query");
        const query = new URLSearchParams(pairs).toString();
        const response = await attribution(new Request(`http://localhost/api/v1/analytics/attribution?${query}`, { headers: { authorization: `Bearer ${ANALYTICS_KEY}` } }));
        if (response.status !== 200) {
          expect(response.status, query).toBe(400);
          await expectClear4xx(response, query);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
