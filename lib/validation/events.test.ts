import { describe, expect, it } from "vitest";
import { buildDemoWorld } from "@/lib/demo/world";
import { generateActivity, type ActivityChunk } from "@/lib/demo/activity";
import { demoWindow } from "@/lib/demo/window";
import { bodyHashOf, MAX_AMOUNT_FEN, parseBatchEnvelope, parseOrderEvent, parseScreenReadSession } from "./events";

const created = {
  type: "CREATED",
  merchant: "lumen-coffee",
  externalId: "LMN-1",
  channel: "AI_SKILL",
  agent: "aurora",
  integrationId: "int_1",
  operation: "order_coffee",
  paymentMethod: "AI_WALLET",
  amountFen: 1800,
  occurredAt: "2026-11-01T09:30:00+08:00",
};

function errorsOf(input: unknown) {
  const parsed = parseOrderEvent(input);
  if (parsed.ok) throw new Error("expected errors");
  return parsed.errors;
}

describe("order event validation", () => {
  it("accepts a created event and normalizes it (defaults, bigint amount, UTC time)", () => {
    const parsed = parseOrderEvent(created);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.event.type !== "CREATED") return;
    expect(parsed.event.amountFen).toBe(1800n);
    expect(parsed.event.currency).toBe("CNY");
    expect(parsed.event.isVerification).toBe(false);
    expect(parsed.event.sequence).toBe(0);
    expect(parsed.event.occurredAt.toISOString()).toBe("2026-11-01T01:30:00.000Z");
  });

  it("takes amounts as decimal strings beyond 2^53 and refuses unsafe numbers", () => {
    const big = parseOrderEvent({ ...created, amountFen: "90071992547409930" });
    expect(big.ok).toBe(false); // above the cap
    const ok = parseOrderEvent({ ...created, amountFen: MAX_AMOUNT_FEN.toString() });
    expect(ok.ok && ok.event.type === "CREATED" && ok.event.amountFen).toBe(MAX_AMOUNT_FEN);
    expect(errorsOf({ ...created, amountFen: 2 ** 60 })[0]).toMatchObject({ path: "amountFen", message: expect.stringMatching(/decimal string/) });
    expect(errorsOf({ ...created, amountFen: -5 })[0]).toMatchObject({ path: "amountFen", message: "amountFen must be positive." });
    expect(errorsOf({ ...created, amountFen: 0 })[0]?.path).toBe("amountFen");
    expect(errorsOf({ ...created, amountFen: 12.5 })[0]?.path).toBe("amountFen");
    expect(errorsOf({ ...created, amountFen: "12.50" })[0]?.path).toBe("amountFen");
    expect(errorsOf({ ...created, amountFen: "1e3" })[0]?.path).toBe("amountFen");
    expect(errorsOf({ ...created, amountFen: true })[0]?.path).toBe("amountFen");
  });

  it("names every bad field: wrong types, unknown fields, overlong and control-character strings", () => {
    const errors = errorsOf({ ...created, channel: "AI", paymentMethod: 3, isVerification: "yes", extra: 1, externalId: "x".repeat(129) });
    const paths = errors.map((e) => e.path).sort();
    expect(paths).toEqual(["channel", "externalId", "extra", "isVerification", "paymentMethod"]);
    expect(errors.find((e) => e.path === "extra")?.message).toBe('unknown field "extra".');
    expect(errorsOf({ ...created, externalId: "a\u0000b" })[0]).toMatchObject({ path: "externalId", message: expect.stringMatching(/control/) });
    expect(errorsOf({ ...created, merchant: "Lumen Coffee" })[0]?.path).toBe("merchant");
    expect(errorsOf({ ...created, currency: "USD" })[0]).toMatchObject({ path: "currency", message: "currency must be CNY." });
  });

  it("refuses unpaired UTF-16 surrogates (legal JSON, refused by PostgreSQL jsonb; found by fuzzing) but keeps whole emoji", () => {
    for (const externalId of ["\ud800", "x\udfff", "a\ud83d"]) {
      expect(errorsOf({ ...created, externalId })[0]).toMatchObject({ path: "externalId", message: expect.stringMatching(/unpaired surrogates/) });
    }
    expect(parseOrderEvent({ ...created, externalId: "LMN-😀-\u202e" }).ok).toBe(true);
    expect(parseScreenReadSession({ merchant: "lumen-coffee", externalId: "S-1", agent: "aurora", pagePath: "/menu/\udc00", steps: 1, outcome: "COMPLETED", startedAt: "2026-11-01T09:30:00Z", durationMs: 1 }).ok).toBe(false);
  });

  it("checks channel rules: agent for AI channels, integration and operation for skills only", () => {
    expect(errorsOf({ ...created, agent: undefined }).map((e) => e.path)).toEqual(["agent"]);
    expect(errorsOf({ ...created, integrationId: undefined, operation: undefined }).map((e) => e.path)).toEqual(["integrationId", "operation"]);
    expect(errorsOf({ ...created, channel: "ORGANIC" }).map((e) => e.path).sort()).toEqual(["agent", "integrationId", "operation"]);
    expect(parseOrderEvent({ ...created, channel: "AI_SCREEN_READ", integrationId: undefined, operation: undefined }).ok).toBe(true);
  });

  it("refuses bad times, unknown types, non-objects and a sequence on created events", () => {
    expect(errorsOf({ ...created, occurredAt: "2026-11-01 09:30" })[0]?.path).toBe("occurredAt");
    expect(errorsOf({ ...created, occurredAt: "2026-11-01T09:30:00" })[0]?.path).toBe("occurredAt"); // no offset
    expect(errorsOf({ ...created, occurredAt: "1999-12-31T00:00:00Z" })[0]?.path).toBe("occurredAt");
    expect(errorsOf({ ...created, occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString() })[0]?.path).toBe("occurredAt");
    expect(errorsOf({ ...created, type: "SHIPPED" })[0]).toMatchObject({ path: "type", message: "type must be CREATED, REFUNDED or CANCELLED." });
    expect(errorsOf({ ...created, sequence: 2 })[0]?.path).toBe("sequence");
    expect(errorsOf([1, 2])[0]).toMatchObject({ path: "", message: "each order event must be a JSON object." });
    expect(errorsOf(null)[0]?.path).toBe("");
  });

  it("accepts numbered refunds and plain cancellations", () => {
    const refund = parseOrderEvent({ type: "REFUNDED", merchant: "m", externalId: "X", sequence: 3, refundedFen: "500", occurredAt: "2026-11-02T00:00:00Z" });
    expect(refund.ok && refund.event.type === "REFUNDED" && [refund.event.sequence, refund.event.refundedFen]).toEqual([3, 500n]);
    expect(errorsOf({ type: "REFUNDED", merchant: "m", externalId: "X", sequence: -1, refundedFen: 5, occurredAt: "2026-11-02T00:00:00Z" })[0]?.path).toBe("sequence");
    expect(errorsOf({ type: "REFUNDED", merchant: "m", externalId: "X", amountFen: 5, occurredAt: "2026-11-02T00:00:00Z" }).map((e) => e.path).sort()).toEqual(["amountFen", "refundedFen"]);
    expect(parseOrderEvent({ type: "CANCELLED", merchant: "m", externalId: "X", occurredAt: "2026-11-02T00:00:00Z" }).ok).toBe(true);
  });
});

describe("body hash", () => {
  it("ignores formatting: key order, number vs string amounts, offsets, explicit defaults", () => {
    const a = parseOrderEvent(created);
    const b = parseOrderEvent({ ...created, amountFen: "1800", occurredAt: "2026-11-01T01:30:00.000Z", currency: "CNY", isVerification: false, sequence: 0 });
    const c = parseOrderEvent({ ...created, amountFen: 1801 });
    if (!a.ok || !b.ok || !c.ok) throw new Error("parse failed");
    expect(bodyHashOf(a.event).hash).toBe(bodyHashOf(b.event).hash);
    expect(bodyHashOf(a.event).hash).not.toBe(bodyHashOf(c.event).hash);
  });

  it("hashes the canonical JSON of the whole normalized event (without sequence), for every event kind", async () => {
    const { canonicalJson, sha256Hex } = await import("../canonical-json");
    const organic = { ...created, channel: "ORGANIC", agent: undefined, integrationId: undefined, operation: undefined, externalId: 'quote"and\\backslash', isVerification: true };
    const inputs = [
      parseOrderEvent(created),
      parseOrderEvent(organic),
      parseOrderEvent({ type: "REFUNDED", merchant: "lumen-coffee", externalId: "LMN-1", sequence: 3, refundedFen: "500", occurredAt: "2026-11-02T00:00:00Z" }),
      parseOrderEvent({ type: "CANCELLED", merchant: "lumen-coffee", externalId: "LMN-1", occurredAt: "2026-11-02T00:00:00Z" }),
      parseScreenReadSession({ merchant: "lumen-coffee", externalId: "S-1", agent: "aurora", pagePath: "/pay/确认", steps: 3, outcome: "COMPLETED", orderExternalId: "LMN-1", startedAt: "2026-11-01T09:30:00Z", durationMs: 10 }),
      parseScreenReadSession({ merchant: "lumen-coffee", externalId: "S-2", agent: "aurora", pagePath: "/", steps: 0, outcome: "TIMEOUT", startedAt: "2026-11-01T09:30:00Z", durationMs: 0 }),
    ];
    for (const parsed of inputs) {
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const expected = canonicalJson({ ...parsed.event, sequence: undefined });
      expect(bodyHashOf(parsed.event)).toEqual({ canonical: expected, hash: sha256Hex(expected) });
    }
  });

  it("equals the hash the demo generator stores for its events and sessions (same wire format)", () => {
    const window = demoWindow(new Date("2026-11-28T00:00:00Z"));
    const world = buildDemoWorld({ seed: 7, window, passwordHash: "x" });
    const chunk = generateActivity(world, { orders: 400, chunkSize: 400 }).next().value as ActivityChunk;
    expect(chunk.events.some((e) => e.type === "REFUNDED") && chunk.events.some((e) => e.type === "CANCELLED")).toBe(true);
    for (const event of chunk.events) {
      const parsed = parseOrderEvent(JSON.parse(event.payload));
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      if (parsed.ok) expect(bodyHashOf(parsed.event).hash).toBe(event.bodyHash);
    }
    for (const session of chunk.sessions) {
      const body = { agent: "aurora", durationMs: session.durationMs, externalId: session.externalId, merchant: "lumen-coffee", orderExternalId: session.orderExternalId ?? undefined, outcome: session.outcome, pagePath: session.pagePath, startedAt: session.startedAt.toISOString(), steps: session.steps };
      expect(parseScreenReadSession(body).ok).toBe(true);
    }
  });
});

describe("screen-read session validation", () => {
  const session = { merchant: "lumen-coffee", externalId: "S-1", agent: "aurora", pagePath: "/checkout/pay", steps: 9, outcome: "POPUP_BLOCKED", startedAt: "2026-11-01T09:30:00Z", durationMs: 4000 };
  it("accepts a session and rejects bad fields one by one", () => {
    expect(parseScreenReadSession(session).ok).toBe(true);
    const bad = parseScreenReadSession({ ...session, pagePath: "checkout", steps: -1, outcome: "CRASHED", durationMs: 1.5, orderExternalId: "" });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path).sort()).toEqual(["durationMs", "orderExternalId", "outcome", "pagePath", "steps"]);
  });
});

describe("batch envelope", () => {
  it("needs an object with 1 to 1000 events and nothing else", () => {
    expect(parseBatchEnvelope({ events: [{}] }).ok).toBe(true);
    expect(parseBatchEnvelope([]).ok).toBe(false);
    expect(parseBatchEnvelope("x").ok).toBe(false);
    expect(parseBatchEnvelope({ events: {} }).ok).toBe(false);
    expect(parseBatchEnvelope({ events: [] }).ok).toBe(false);
    expect(parseBatchEnvelope({ events: [], more: 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/"more"/) });
    const tooMany = parseBatchEnvelope({ events: Array.from({ length: 1001 }, () => ({})) });
    expect(tooMany).toMatchObject({ ok: false, message: expect.stringMatching(/at most 1000 events; this one has 1001/) });
  });
});

describe("canonicalFlatJson", () => {
  it("is canonicalJson without sequence for flat events", async () => {
    const { canonicalJson } = await import("../canonical-json");
    const { canonicalFlatJson } = await import("./events");
    const event = { z: 1, a: "x\"y", m: 5n, d: new Date("2026-01-01Z"), b: true, n: null, u: undefined, sequence: 3 };
    expect(canonicalFlatJson(event)).toBe(canonicalJson({ ...event, sequence: undefined }));
    expect(canonicalFlatJson({})).toBe("{}");
  });
});
