import { describe, expect, it } from "vitest";
import { parseOrderEvent } from "@/lib/validation/events";
import { benchEvents } from "./ingest";

describe("benchmark feeds", () => {
  const now = Date.parse("2026-11-28T12:00:00.000Z");

  it("live: the same events, occurring just now in the order they are sent, and all valid", () => {
    const live = benchEvents({ events: 2_000, runId: "T", feed: "live", now });
    const backfill = benchEvents({ events: 2_000, runId: "T", feed: "backfill", now });
    expect(live.bodies.map((b) => [b.externalId, b.type])).toEqual(backfill.bodies.map((b) => [b.externalId, b.type]));
    const times = live.bodies.map((b) => Date.parse(String(b.occurredAt)));
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(now - 60_000 - 2_000 * 10);
    expect(times.at(-1)).toBeLessThanOrEqual(now - 60_000);
    for (const body of live.bodies.slice(0, 200)) expect(parseOrderEvent(body).ok, JSON.stringify(body)).toBe(true);
  });

  it("backfill: the generator's own times, spread over weeks", () => {
    const { bodies } = benchEvents({ events: 2_000, runId: "T", feed: "backfill", now });
    const times = bodies.map((b) => Date.parse(String(b.occurredAt)));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(7 * 86_400_000);
  });
});
