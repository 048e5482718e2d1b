// The demo's stored events must be exactly what the ingest API would store for the same events,
// so re-sending a demo event is reported as a duplicate, not a conflict.
import { describe, expect, it } from "vitest";
import { bodyHashOf, orderEventSchema, screenReadSessionSchema } from "../validation/events";
import { generateActivity } from "./activity";
import { demoWindow } from "./window";
import { buildDemoWorld } from "./world";

const world = buildDemoWorld({ seed: 42, window: demoWindow(new Date("2026-11-28T00:00:00Z")), passwordHash: "hash" });
const chunks = [...generateActivity(world, { orders: 2_000 })];

describe("demo events as the ingest API sees them", () => {
  it("validates every order event and hashes it to the stored bodyHash", () => {
    const events = chunks.flatMap((c) => c.events);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["CREATED", "REFUNDED", "CANCELLED"]));
    for (const e of events) {
      const parsed = orderEventSchema.safeParse(JSON.parse(e.payload));
      expect(parsed.success, e.payload).toBe(true);
      expect(bodyHashOf(parsed.data!).hash).toBe(e.bodyHash);
    }
  });

  it("validates every screen-read session and hashes it to the stored bodyHash", () => {
    const agentSlug = new Map(Object.entries(world.agentIds).map(([slug, id]) => [id, slug]));
    const merchantSlug = new Map(world.merchants.map((m) => [m.id, m.slug]));
    for (const s of chunks.flatMap((c) => c.sessions)) {
      const parsed = screenReadSessionSchema.safeParse({
        merchant: merchantSlug.get(s.merchantId),
        externalId: s.externalId,
        agent: agentSlug.get(s.agentId),
        pagePath: s.pagePath,
        steps: s.steps,
        outcome: s.outcome,
        orderExternalId: s.orderExternalId ?? undefined,
        startedAt: s.startedAt.toISOString(),
        durationMs: s.durationMs,
      });
      expect(parsed.success, s.externalId).toBe(true);
      expect(bodyHashOf(parsed.data!).hash).toBe(s.bodyHash);
    }
  });
});
