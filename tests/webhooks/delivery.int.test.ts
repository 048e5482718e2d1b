import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";
import type { SubscribableEventType } from "@/lib/webhooks/events";
import { startReceiver } from "./receiver";

// Enqueue → worker → a receiver on loopback (allow-listed exactly as the app reads it), through
// the guarded client; retries, auto-disable, rotation, redelivery and tenant scoping.

let database: TestDatabase;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let a: RegistryMerchant;
let b: RegistryMerchant;
let db: typeof import("@/lib/db").db;
let hooks: typeof import("@/lib/data/webhooks");
let dispatch: typeof import("@/lib/webhooks/dispatch");
let enqueueWebhookEvent: typeof import("@/lib/webhooks/enqueue").enqueueWebhookEvent;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  ensureEncryptionKey();
  receiver = await startReceiver();
  process.env.SKILLGATE_OUTBOUND_ALLOWLIST = `127.0.0.1:${receiver.port}`;
  ({ db } = await import("@/lib/db"));
  hooks = await import("@/lib/data/webhooks");
  dispatch = await import("@/lib/webhooks/dispatch");
  ({ enqueueWebhookEvent } = await import("@/lib/webhooks/enqueue"));
  a = await createRegistryMerchant("hooks-a");
  b = await createRegistryMerchant("hooks-b");
  // Owners get the auto-disable notification.
  await db.membership.update({ where: { merchantId_userId: { merchantId: a.merchant.id, userId: a.developer.id } }, data: { role: "OWNER" } });
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  const { db: client } = await import("@/lib/db");
  await client.$disconnect();
  await database?.drop();
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.setDefault(200);
});

const noJitter = { random: () => 0.5, retryDelaysMs: [0, 0, 0] };

/** Runs sweeps until nothing due is left (retries scheduled with 0 ms are due at once). */
async function drain(options: Parameters<typeof dispatch.dispatchDueDeliveries>[0] = noJitter) {
  for (let i = 0; i < 20; i++) if ((await dispatch.dispatchDueDeliveries(options)) === 0) return;
  throw new Error("deliveries kept coming");
}

async function newEndpoint(m: RegistryMerchant, events: SubscribableEventType[] = ["integration.version.live"]) {
  return hooks.createWebhookEndpoint({ merchantId: m.merchant.id, actor: m.actor, url: receiver.url, description: "", events });
}

describe("webhook delivery", () => {
  it("delivers an event committed with its change, signed so standardwebhooks verifies it", async () => {
    const { endpointId, secret } = await newEndpoint(a);
    const other = await newEndpoint(a, ["statement.ready"]);
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: a.merchant.id, type: "integration.version.live", payload: { integrationId: "int_1", feeFen: 1234n } }));

    await drain();
    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    const verified = new Webhook(secret).verify(hit!.body, hit!.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(verified.type).toBe("integration.version.live");
    expect(verified.data).toEqual({ integrationId: "int_1", feeFen: "1234" });
    expect(hit!.headers["webhook-id"]).toMatch(/^msg_/);

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200, messageId: hit!.headers["webhook-id"] });
    expect(await db.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: other.endpointId } })).toBe(0);
  });

  it("writes nothing when the transaction rolls back", async () => {
    const { endpointId } = await newEndpoint(a);
    await expect(
      db.$transaction(async (tx) => {
        await enqueueWebhookEvent(tx, { merchantId: a.merchant.id, type: "integration.version.live", payload: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(0);
  });

  it("retries a failing receiver with the same webhook-id, records every attempt, then succeeds", async () => {
    const { endpointId } = await newEndpoint(b);
    receiver.respondWith(500, 503);
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: b.merchant.id, type: "integration.version.live", payload: { n: 1 } }));
    await drain();

    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId }, include: { attemptsLog: { orderBy: { createdAt: "asc" } } } });
    expect(delivery.status).toBe("SUCCEEDED");
    expect(delivery.attemptsLog.map((x) => x.statusCode)).toEqual([500, 503, 200]);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.messageId]));
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
  });

  it("schedules the next attempt with the backoff delay instead of retrying at once", async () => {
    const { endpointId } = await newEndpoint(b);
    receiver.setDefault(500);
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: b.merchant.id, type: "integration.version.live", payload: {} }));
    const before = Date.now();
    await dispatch.dispatchDueDeliveries({ random: () => 0.5 });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500 });
    const wait = delivery.nextAttemptAt!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(10_000);
    expect(wait).toBeLessThan(12_000);
    expect(await dispatch.dispatchDueDeliveries({ random: () => 0.5 })).toBe(0);
    await hooks.deleteWebhookEndpoint({ merchantId: b.merchant.id, actor: b.actor, endpointId });
  });

  it("fails a delivery after the schedule is used up and disables the endpoint after repeated failures, telling the owners", async () => {
    const { endpointId } = await newEndpoint(a, ["integration.drift_detected"]);
    receiver.setDefault(500);
    for (let i = 0; i < 2; i++) {
      await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: a.merchant.id, type: "integration.drift_detected", payload: { i } }));
      await drain({ ...noJitter, retryDelaysMs: [0], autoDisableAfter: 2 });
    }
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId } });
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["FAILED", 2],
      ["FAILED", 2],
    ]);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint.status).toBe("DISABLED");
    expect(endpoint.disabledAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { objectId: endpointId, action: "webhook.endpoint.auto_disabled" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: a.developer.id, kind: "webhookEndpointDisabled" } })).toBe(1);

    // Disabled: new events are not queued for it, and a test event is refused.
    expect(await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: a.merchant.id, type: "integration.drift_detected", payload: {} }))).toBe(0);
    await expect(hooks.sendWebhookTestEvent({ merchantId: a.merchant.id, actor: a.actor, endpointId })).rejects.toThrow("endpointDisabled");

    // Enabled again by hand: the count starts over.
    await hooks.setWebhookEndpointEnabled({ merchantId: a.merchant.id, actor: a.actor, endpointId, enabled: true });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ status: "ENABLED", consecutiveFailures: 0, disabledAt: null });
  });

  it("redelivers a failed message with the same id and body as a new delivery", async () => {
    const { endpointId } = await newEndpoint(a);
    receiver.setDefault(500);
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: a.merchant.id, type: "integration.version.live", payload: { r: 1 } }));
    await drain({ ...noJitter, retryDelaysMs: [] });
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    expect(failed.status).toBe("FAILED");

    receiver.setDefault(204);
    const copy = await hooks.redeliverWebhook({ merchantId: a.merchant.id, actor: a.actor, deliveryId: failed.id });
    await drain();
    expect(copy.messageId).toBe(failed.messageId);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({ status: "SUCCEEDED", lastStatusCode: 204 });
    expect(receiver.received.at(-1)!.body).toBe(receiver.received[0]!.body);
    expect(await db.auditEvent.count({ where: { objectId: failed.id, action: "webhook.redelivered" } })).toBe(1);
  });

  it("signs with both secrets for a day after a rotation, then with the new one only", async () => {
    const { endpointId, secret: oldSecret } = await newEndpoint(b, ["integration.rolled_back"]);
    const { secret: newSecret } = await hooks.rotateWebhookSecret({ merchantId: b.merchant.id, actor: b.actor, endpointId });
    await hooks.sendWebhookTestEvent({ merchantId: b.merchant.id, actor: b.actor, endpointId });
    await drain();
    const hit = receiver.received.at(-1)!;
    const headers = hit.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(newSecret).verify(hit.body, headers)).toMatchObject({ type: "webhook.test" });
    expect(new Webhook(oldSecret).verify(hit.body, headers)).toMatchObject({ type: "webhook.test" });

    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
    await hooks.sendWebhookTestEvent({ merchantId: b.merchant.id, actor: b.actor, endpointId });
    await drain();
    const after = receiver.received.at(-1)!;
    expect(new Webhook(newSecret).verify(after.body, after.headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
    expect(() => new Webhook(oldSecret).verify(after.body, after.headers as Record<string, string>)).toThrow();
  });

  it("fails a delivery whose endpoint was disabled after enqueueing with a code the log shows in both languages", async () => {
    const { endpointId } = await hooks.createWebhookEndpoint({ merchantId: b.merchant.id, actor: b.actor, url: "http://10.0.0.8/hook", description: "", events: ["statement.ready"] });
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: b.merchant.id, type: "statement.ready", payload: {} }));
    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { status: "DISABLED" } });
    await drain({ ...noJitter, retryDelaysMs: [] });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    expect(delivery).toMatchObject({ status: "FAILED", lastError: "endpoint_disabled" });
    for (const locale of ["en", "zh-CN"]) {
      const messages = (await import(`@/lib/i18n/messages/${locale}.json`)).default as { webhooks: { log: { errors: Record<string, string> } } };
      expect(messages.webhooks.log.errors[delivery.lastError!], locale).toBeTruthy();
    }
  });

  it("records a refused address as a failed attempt without sending", async () => {
    const { endpointId } = await hooks.createWebhookEndpoint({ merchantId: b.merchant.id, actor: b.actor, url: "http://10.0.0.7/hook", description: "", events: ["statement.ready"] });
    await db.$transaction((tx) => enqueueWebhookEvent(tx, { merchantId: b.merchant.id, type: "statement.ready", payload: {} }));
    await drain({ ...noJitter, retryDelaysMs: [] });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    expect(delivery.status).toBe("FAILED");
    expect(delivery.lastStatusCode).toBeNull();
    expect(delivery.lastError).toMatch(/^blocked_address|^https_required|^scheme/);
    expect(receiver.received).toHaveLength(0);
  });

  it("keeps merchants apart: B can neither list, redeliver, rotate, test nor delete A's endpoint or deliveries", async () => {
    const { endpointId } = await newEndpoint(a);
    await hooks.sendWebhookTestEvent({ merchantId: a.merchant.id, actor: a.actor, endpointId });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    const asB = { merchantId: b.merchant.id, actor: b.actor };

    expect((await hooks.listWebhookEndpoints({ merchantId: b.merchant.id })).map((e) => e.id)).not.toContain(endpointId);
    expect(await hooks.getWebhookEndpoint({ merchantId: b.merchant.id, endpointId })).toBeNull();
    expect((await hooks.listWebhookDeliveries({ merchantId: b.merchant.id, endpointId })).deliveries).toEqual([]);
    expect(await hooks.getWebhookDelivery({ merchantId: b.merchant.id, deliveryId: delivery.id })).toBeNull();
    await expect(hooks.redeliverWebhook({ ...asB, deliveryId: delivery.id })).rejects.toThrow("notFound");
    await expect(hooks.rotateWebhookSecret({ ...asB, endpointId })).rejects.toThrow("notFound");
    await expect(hooks.sendWebhookTestEvent({ ...asB, endpointId })).rejects.toThrow("notFound");
    await expect(hooks.setWebhookEndpointEnabled({ ...asB, endpointId, enabled: false })).rejects.toThrow("notFound");
    await expect(hooks.deleteWebhookEndpoint({ ...asB, endpointId })).rejects.toThrow("notFound");
    expect(await db.webhookDelivery.count({ where: { endpointId } })).toBe(1);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ status: "ENABLED" });

    // A's own view shows it.
    const page = await hooks.listWebhookDeliveries({ merchantId: a.merchant.id, endpointId });
    expect(page.deliveries.map((d) => d.id)).toEqual([delivery.id]);
  });
});
