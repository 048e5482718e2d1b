// A database of the test file's own with the demo catalogue (merchants, agents, integrations,
// revenue rules, the demo ingest key) but no orders, and helpers to call the ingest route
// handlers directly with a Request. Modules that read DATABASE_URL are imported only after it
// points at that database.
import pg from "pg";
import { generateActivity, type ActivityChunk } from "@/lib/demo/activity";
import { demoAgents, demoApiKeys } from "@/lib/demo/catalogue";
import { startOfUtcDay, demoWindow } from "@/lib/demo/window";
import { buildDemoWorld, type DemoWorld } from "@/lib/demo/world";
import { rollupDefinitions, rollupMismatchCountSql } from "@/lib/rollups/definitions";
import { seedDemoData } from "@/scripts/demo/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

export const INGEST_KEY = demoApiKeys.find((k) => k.kind === "PLATFORM_INGEST")!.secret;

export type IngestFixture = {
  world: DemoWorld;
  client: pg.Client;
  post: (path: "orders" | "screen-reads", body: unknown, init?: { key?: string; headers?: Record<string, string> }) => Promise<Response>;
  /** Rows that differ between each rollup table and its definition over the raw rows. */
  rollupMismatches: () => Promise<Record<string, number>>;
  close: () => Promise<void>;
};

export async function setUpIngest(): Promise<IngestFixture> {
  const database: TestDatabase = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.SKILLGATE_DEMO_MODE = "1";
  const now = startOfUtcDay(new Date());
  await seedDemoData({ connectionString: database.url, seed: 42, orders: 0, now });
  const world = buildDemoWorld({ seed: 42, window: demoWindow(now), passwordHash: "unused" });
  const orders = await import("@/app/api/v1/events/orders/route");
  const sessions = await import("@/app/api/v1/events/screen-reads/route");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();

  const post: IngestFixture["post"] = (path, body, init = {}) => {
    const request = new Request(`http://localhost/api/v1/events/${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${init.key ?? INGEST_KEY}`, "content-type": "application/json", ...init.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return path === "orders" ? orders.POST(request) : sessions.POST(request);
  };

  return {
    world,
    client,
    post,
    rollupMismatches: async () => {
      const out: Record<string, number> = {};
      for (const definition of rollupDefinitions) {
        const { rows } = await client.query(rollupMismatchCountSql(definition), [null, null, null]);
        out[definition.table] = rows[0].n;
      }
      return out;
    },
    close: async () => {
      await client.end();
      const { ingestPool } = await import("@/lib/data/ingest-pool");
      await ingestPool().end();
      const { db } = await import("@/lib/db");
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** The demo generator's activity for this world: the orders it computed and the events as sent on the wire. */
export function demoActivity(world: DemoWorld, orders: number): ActivityChunk & { sessionBodies: Record<string, unknown>[] } {
  const all: ActivityChunk = { orders: [], events: [], sessions: [] };
  for (const chunk of generateActivity(world, { orders, chunkSize: 1_000 })) {
    all.orders.push(...chunk.orders);
    all.events.push(...chunk.events);
    all.sessions.push(...chunk.sessions);
  }
  const agentSlug = new Map(demoAgents.map((a) => [world.agentIds[a.slug], a.slug]));
  const merchantSlug = new Map(world.merchants.map((m) => [m.id, m.slug]));
  const sessionBodies = all.sessions.map((s) => ({
    merchant: merchantSlug.get(s.merchantId),
    externalId: s.externalId,
    agent: agentSlug.get(s.agentId),
    pagePath: s.pagePath,
    steps: s.steps,
    outcome: s.outcome,
    ...(s.orderExternalId ? { orderExternalId: s.orderExternalId } : {}),
    startedAt: s.startedAt.toISOString(),
    durationMs: s.durationMs,
  }));
  return { ...all, sessionBodies };
}

export type Report = {
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  results: { index: number; status: string; errors?: { path: string; message: string }[] }[];
};
