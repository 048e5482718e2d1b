import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

// The audit viewers' queries: filters, keyset pages and merchant scoping, on a database of this
// file's own so the counts are exact.

let database: TestDatabase;
let audit: typeof import("@/lib/data/audit");
let db: typeof import("@/lib/db").db;
let a: string;
let b: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  audit = await import("@/lib/data/audit");
  a = (await db.merchant.create({ data: { slug: "audit-a", name: "A", category: "FOOD" } })).id;
  b = (await db.merchant.create({ data: { slug: "audit-b", name: "B", category: "FOOD" } })).id;
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));
  const rows = [
    { merchantId: a, actorLabel: "owner@a.test", action: "version.submitted", objectType: "integration_version", objectId: "v1", createdAt: at(1) },
    { merchantId: a, actorLabel: "reviewer@platform.test", action: "version.approved", objectType: "integration_version", objectId: "v1", createdAt: at(2) },
    { merchantId: a, actorLabel: "owner@a.test", action: "webhook.endpoint.created", objectType: "webhook_endpoint", objectId: "e1", createdAt: at(3) },
    { merchantId: b, actorLabel: "owner@b.test", action: "version.submitted", objectType: "integration_version", objectId: "v9", createdAt: at(2) },
    { merchantId: null, actorLabel: "admin@platform.test", action: "agent.created", objectType: "agent", objectId: "ag1", createdAt: at(4) },
  ];
  for (const row of rows) await db.auditEvent.create({ data: row });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const actions = (events: Array<{ action: string }>) => events.map((e) => e.action);

describe("audit search", () => {
  it("scopes a merchant's view to its own events, whatever else is asked", async () => {
    const page = await audit.pageAuditEvents({ merchantId: b });
    expect(actions(page.events)).toEqual(["version.submitted"]);
    expect((await audit.pageAuditEvents({ merchantId: b, objectId: "v1" })).events).toEqual([]);
    expect((await audit.pageAuditEvents({ merchantId: a, actor: "owner@b.test" })).events).toEqual([]);
  });

  it("filters by actor (part of it, any case), action prefix, object and a UTC day range", async () => {
    expect(actions((await audit.pageAuditEvents({ merchantId: a, actor: "OWNER@A" })).events)).toEqual(["webhook.endpoint.created", "version.submitted"]);
    expect(actions((await audit.pageAuditEvents({ action: "version." })).events)).toEqual(["version.submitted", "version.approved", "version.submitted"]);
    expect(actions((await audit.pageAuditEvents({ objectType: "integration_version", objectId: "v1" })).events)).toEqual(["version.approved", "version.submitted"]);
    const range = await audit.pageAuditEvents({ from: new Date(Date.UTC(2026, 10, 2)), to: new Date(Date.UTC(2026, 10, 3)) });
    expect(range.events.map((e) => e.objectId).sort()).toEqual(["v1", "v9"]);
  });

  it("pages with a keyset cursor and names the merchants of the page (platform events have none)", async () => {
    const first = await audit.pageAuditEvents({ take: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.next).toBe(first.events[1]!.id);
    const second = await audit.pageAuditEvents({ take: 2, before: first.next! });
    const third = await audit.pageAuditEvents({ take: 2, before: second.next! });
    const all = [...first.events, ...second.events, ...third.events];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((e) => e.id)).size).toBe(5);
    expect(third.next).toBeNull();
    expect(first.merchants.get(a)?.slug ?? first.merchants.get(b)?.slug).toBeDefined();
    expect(all.find((e) => e.action === "agent.created")!.merchantId).toBeNull();
  });

  it("finds the merchant named in the admin filter", async () => {
    expect(await audit.findAuditMerchant({ slug: "audit-a" })).toMatchObject({ id: a });
    expect(await audit.findAuditMerchant({ slug: "nope" })).toBeNull();
  });
});
