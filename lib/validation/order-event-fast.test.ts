import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateActivity } from "@/lib/demo/activity";
import { demoWindow } from "@/lib/demo/window";
import { buildDemoWorld } from "@/lib/demo/world";
import { bodyHashOf, fastRules, parseOrderEvent, parseOrderEventWithSchema } from "./events";
import { fastOrderEvent } from "./order-event-fast";

// The fast path must agree with the zod schema: it may pass an event on to zod, but whenever it
// answers itself the answer is zod's (same acceptance, same normalized event, same body hash).

const soon = new Date(Date.now() + 3_600_000).toISOString();
const strings = fc.oneof(
  fc.constantFrom("lumen-coffee", "aurora", "a", "A", "x".repeat(64), "x".repeat(65), "x".repeat(128), "x".repeat(129), "", " ", "a\u0000b", "a\tb", "-lead", "ok.slug_1", "中文", "int_1"),
  fc.string({ maxLength: 8 }),
);
const amounts = fc.oneof(
  fc.constantFrom(1, 0, -5, 12.5, 2 ** 53, 2 ** 60, Number.NaN, -0, "1800", "0", "12.50", "1e3", "100000000000", "100000000001", "00012", "123456789012345678901", true, null),
  fc.integer({ min: -10, max: 1e6 }),
);
const times = fc.oneof(
  fc.constantFrom("2026-11-01T09:30:00+08:00", "2026-11-01T01:30:00Z", "2026-11-01T01:30:00.123456Z", "2026-11-01 09:30", "2026-11-01T09:30:00", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", soon, "2099-01-01T00:00:00Z", "", 5),
  fc.date({ min: new Date("1998-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
);
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const createdLike = fc.record(
  {
    type: fc.constantFrom("CREATED", "REFUNDED", "CANCELLED", "SHIPPED"),
    merchant: strings,
    externalId: strings,
    sequence: maybe(fc.constantFrom(0, -0, 1, 3, 9_999, 10_000, -1, 1.5, "0")),
    channel: fc.constantFrom("ORGANIC", "AI_SKILL", "AI_SCREEN_READ", "AI", 3),
    agent: maybe(strings),
    integrationId: maybe(strings),
    operation: maybe(strings),
    paymentMethod: fc.constantFrom("STANDARD", "AI_WALLET", "TOKEN_PAY", "CASH"),
    amountFen: amounts,
    refundedFen: maybe(amounts),
    currency: maybe(fc.constantFrom("CNY", "USD")),
    isVerification: maybe(fc.constantFrom(true, false, "yes", 0)),
    occurredAt: times,
    extra: maybe(fc.constant(1)),
  },
  { requiredKeys: ["type", "merchant", "externalId", "occurredAt"] },
);

/** JSON never holds `undefined`: drop those members, as a body sent over the wire would. */
const wire = (value: Record<string, unknown>) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function agree(input: unknown) {
  const reference = parseOrderEventWithSchema(input);
  const actual = parseOrderEvent(input);
  expect(actual.ok).toBe(reference.ok);
  if (actual.ok && reference.ok) {
    expect(actual.event).toStrictEqual(reference.event);
    expect(bodyHashOf(actual.event)).toEqual(bodyHashOf(reference.event));
  } else if (!actual.ok && !reference.ok) {
    expect(actual.errors).toEqual(reference.errors);
  }
}

const bases: Record<string, unknown>[] = [
  { type: "CREATED", merchant: "lumen-coffee", externalId: "LMN-1", channel: "AI_SKILL", agent: "aurora", integrationId: "int_1", operation: "order_coffee", paymentMethod: "AI_WALLET", amountFen: 1800, occurredAt: "2026-11-01T09:30:00+08:00" },
  { type: "CREATED", merchant: "m", externalId: "X", channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: "99", isVerification: true, occurredAt: "2026-11-01T09:30:00Z" },
  { type: "REFUNDED", merchant: "m", externalId: "X", sequence: 2, refundedFen: 500, occurredAt: "2026-11-02T00:00:00Z" },
  { type: "CANCELLED", merchant: "m", externalId: "X", occurredAt: "2026-11-02T00:00:00Z" },
];
const fields = ["type", "merchant", "externalId", "sequence", "channel", "agent", "integrationId", "operation", "paymentMethod", "amountFen", "refundedFen", "currency", "isVerification", "occurredAt", "extra", "__proto__"];
const anyValue = fc.oneof(strings, amounts, times, fc.constantFrom(undefined, null, 0, -0, 1, 10_000, true, false, [], {}, "CNY", "ORGANIC", "AI_SCREEN_READ", "TOKEN_PAY", "REFUNDED"));
/** A valid event with one to three members replaced, added or removed. */
const mutated = fc
  .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.constantFrom(...fields), anyValue, fc.boolean()), { minLength: 1, maxLength: 3 }))
  .map(([base, changes]) => {
    const event = wire(base);
    for (const [key, value, remove] of changes) {
      if (remove) delete event[key];
      else Object.defineProperty(event, key, { value, enumerable: true, configurable: true, writable: true });
    }
    return event;
  });

describe("order event fast path", () => {
  it("agrees with the schema on arbitrary (mostly invalid) events", () => {
    fc.assert(fc.property(createdLike, (input) => agree(wire(input))), { numRuns: 1_500 });
  });

  it("agrees with the schema on valid events with a member changed, added or removed", () => {
    fc.assert(fc.property(mutated, (input) => agree(input)), { numRuns: 3_000 });
  });

  it("agrees with the schema on well-formed events of every type and channel", () => {
    const valid = fc.oneof(
      fc.record({
        type: fc.constant("CREATED"),
        merchant: fc.constantFrom("lumen-coffee", "m"),
        externalId: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /^[^\u0000-\u001f\u007f]+$/.test(s)),
        channel: fc.constant("AI_SKILL"),
        agent: fc.constant("aurora"),
        integrationId: fc.constant("int_1"),
        operation: fc.constant("order_coffee"),
        paymentMethod: fc.constantFrom("STANDARD", "AI_WALLET", "TOKEN_PAY"),
        amountFen: fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.bigInt({ min: 1n, max: 100_000_000_000n }).map(String)),
        isVerification: fc.boolean(),
        occurredAt: fc.date({ min: new Date("2000-01-01"), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString()),
      }),
      fc.record({
        type: fc.constant("REFUNDED"),
        merchant: fc.constant("m"),
        externalId: fc.constant("X"),
        sequence: fc.integer({ min: 0, max: 9_999 }),
        refundedFen: fc.integer({ min: 1, max: 1e9 }),
        occurredAt: fc.constant("2026-11-02T00:00:00+08:00"),
      }),
      fc.record({ type: fc.constant("CANCELLED"), merchant: fc.constant("m"), externalId: fc.constant("X"), occurredAt: fc.constant("2026-11-02T00:00:00Z") }),
    );
    fc.assert(fc.property(valid, (input) => agree(input)), { numRuns: 1_000 });
  });

  it("answers the demo generator's events itself, with zod's result and the stored body hash", () => {
    const world = buildDemoWorld({ seed: 7, window: demoWindow(new Date("2026-11-28T00:00:00Z")), passwordHash: "unused" });
    let checked = 0;
    for (const chunk of generateActivity(world, { orders: 400, chunkSize: 400 })) {
      for (const event of chunk.events) {
        const input = JSON.parse(event.payload) as unknown;
        expect(fastOrderEvent(input, fastRules)).not.toBeNull();
        const parsed = parseOrderEvent(input);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        expect(parsed.event).toStrictEqual((parseOrderEventWithSchema(input) as { event: unknown }).event);
        expect(bodyHashOf(parsed.event).hash).toBe(event.bodyHash);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});
