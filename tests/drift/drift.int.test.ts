import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolListHash } from "@/lib/checks/hash";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";
import { shopTool, startChangingMcpServer, type Tool } from "./changing-mcp-server";

// Drift detection against a real MCP server (SDK, loopback, allow-listed for the guarded client)
// whose tool list changes after approval.

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startChangingMcpServer>>;
let a: RegistryMerchant;
let b: RegistryMerchant;
let reviewerId: string;
let db: typeof import("@/lib/db").db;
let recheckIntegration: typeof import("@/lib/drift/recheck").recheckIntegration;
let listDriftCandidates: typeof import("@/lib/data/drift").listDriftCandidates;

const approvedTools = [shopTool("get_menu"), shopTool("get_order")];

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  ensureEncryptionKey();
  server = await startChangingMcpServer(approvedTools);
  process.env.SKILLGATE_OUTBOUND_ALLOWLIST = `127.0.0.1:${server.port}`;
  ({ db } = await import("@/lib/db"));
  ({ recheckIntegration } = await import("@/lib/drift/recheck"));
  ({ listDriftCandidates } = await import("@/lib/data/drift"));
  a = await createRegistryMerchant("drift-a");
  b = await createRegistryMerchant("drift-b");
  reviewerId = (await db.user.create({ data: { email: `rev-${a.merchant.slug}@test.local`, name: "Reviewer", passwordHash: "x", platformRole: "REVIEWER" } })).id;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.$disconnect();
  await database?.drop();
});

/** A live MCP integration of merchant A approved with `tools`, as the review flow leaves it. */
async function liveIntegration(name: string, tools: Tool[] = approvedTools) {
  const integration = await db.integration.create({ data: { merchantId: a.merchant.id, kind: "MCP_SERVER", name, category: "FOOD" } });
  const version = await db.integrationVersion.create({
    data: {
      merchantId: a.merchant.id,
      integrationId: integration.id,
      number: 1,
      status: "LIVE",
      endpointUrl: server.url,
      transport: "STREAMABLE_HTTP",
      toolList: tools as never,
      toolListHash: toolListHash(tools),
      createdById: a.developer.id,
      liveAt: new Date(),
    },
  });
  await db.integration.update({ where: { id: integration.id }, data: { liveVersionId: version.id } });
  return { integrationId: integration.id, versionId: version.id };
}

const notificationsOf = (userId: string, kind: string) => db.notification.count({ where: { userId, kind } });

describe("drift detection", () => {
  it("finds nothing when the server lists the approved tools", async () => {
    server.setTools([...approvedTools].reverse());
    const { integrationId } = await liveIntegration("Steady");
    const result = await recheckIntegration({ integrationId });
    expect(result).toMatchObject({ status: "checked", decision: { drift: false }, record: { outcome: "clean" } });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).driftDetectedAt).toBeNull();
  });

  it("flags a new read-only tool, tells merchant and reviewers, sends the webhook once, and keeps the integration live", async () => {
    const { integrationId, versionId } = await liveIntegration("Growing");
    await db.webhookEndpoint.create({ data: { merchantId: a.merchant.id, url: "https://hooks.example.com/x", events: ["integration.drift_detected"], secretEnc: "unused" } });
    server.setTools([...approvedTools, shopTool("list_stores")]);

    const result = await recheckIntegration({ integrationId, actor: a.actor, merchantId: a.merchant.id });
    expect(result).toMatchObject({ status: "checked", decision: { drift: true, added: ["list_stores"], suspend: false }, record: { outcome: "flagged", suspended: false } });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).driftDetectedAt).not.toBeNull();
    expect((await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId } })).status).toBe("LIVE");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: integrationId, action: "integration.drift_detected" } });
    expect(audit).toMatchObject({ merchantId: a.merchant.id, actorId: a.developer.id, after: expect.objectContaining({ added: ["list_stores"], removed: [], suspend: false }) });
    expect(await notificationsOf(a.developer.id, "driftDetected")).toBe(1);
    expect(await notificationsOf(reviewerId, "driftDetected")).toBe(1);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { merchantId: a.merchant.id, eventType: "integration.drift_detected" } });
    expect(delivery.payload).toMatchObject({ type: "integration.drift_detected", data: { integrationId, added: ["list_stores"], suspended: false } });

    // The next scan sees the same listing: nothing is announced again.
    const again = await recheckIntegration({ integrationId });
    expect(again).toMatchObject({ status: "checked", record: { outcome: "alreadyFlagged" } });
    expect(await notificationsOf(a.developer.id, "driftDetected")).toBe(1);
    expect(await db.webhookDelivery.count({ where: { merchantId: a.merchant.id, eventType: "integration.drift_detected" } })).toBe(1);

    // The server goes back to the approved list: the flag clears.
    server.setTools(approvedTools);
    expect(await recheckIntegration({ integrationId })).toMatchObject({ record: { outcome: "cleared" } });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).driftDetectedAt).toBeNull();
  });

  it("suspends the integration when a new tool is destructive", async () => {
    const { integrationId, versionId } = await liveIntegration("Dangerous");
    server.setTools([...approvedTools, shopTool("cancel_all_orders", { readOnlyHint: false, destructiveHint: true })]);
    expect((await listDriftCandidates()).map((c) => c.id)).toContain(integrationId);

    const result = await recheckIntegration({ integrationId });
    expect(result).toMatchObject({ status: "checked", decision: { suspend: true, risky: [{ name: "cancel_all_orders", destructive: true }] }, record: { outcome: "flagged", suspended: true } });
    expect((await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId } })).status).toBe("SUSPENDED");
    const suspension = await db.auditEvent.findFirstOrThrow({ where: { objectId: versionId, action: "version.suspended" } });
    expect(suspension).toMatchObject({ actorId: null, actorLabel: "system:drift", before: { status: "LIVE" }, after: expect.objectContaining({ status: "SUSPENDED" }) });
    expect(await notificationsOf(a.developer.id, "driftSuspended")).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(reviewerId, "driftSuspended")).toBeGreaterThanOrEqual(1);

    // Suspended integrations leave the scan, and a re-check finds nothing live to compare.
    expect((await listDriftCandidates()).map((c) => c.id)).not.toContain(integrationId);
    expect(await recheckIntegration({ integrationId })).toEqual({ status: "notLive" });
  });

  it("suspends when an approved tool starts moving money", async () => {
    const { integrationId, versionId } = await liveIntegration("Paying");
    server.setTools([shopTool("get_menu"), shopTool("get_order", { readOnlyHint: false }, { _meta: { "skillgate/movesMoney": true } })]);
    expect(await recheckIntegration({ integrationId })).toMatchObject({ decision: { changed: ["get_order"], suspend: true }, record: { suspended: true } });
    expect((await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId } })).status).toBe("SUSPENDED");
  });

  it("treats an unreachable server as no finding", async () => {
    const { integrationId } = await liveIntegration("Offline");
    await db.integrationVersion.updateMany({ where: { integrationId }, data: { endpointUrl: "http://127.0.0.1:9/mcp" } });
    const result = await recheckIntegration({ integrationId });
    expect(result.status).toBe("unreachable");
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).driftDetectedAt).toBeNull();
  });

  it("keeps a merchant's re-check to its own integrations", async () => {
    const { integrationId } = await liveIntegration("Private");
    server.setTools([...approvedTools, shopTool("x_new")]);
    expect(await recheckIntegration({ integrationId, merchantId: b.merchant.id, actor: b.actor })).toEqual({ status: "notFound" });
    expect((await db.integration.findUniqueOrThrow({ where: { id: integrationId } })).driftDetectedAt).toBeNull();
  });
});
