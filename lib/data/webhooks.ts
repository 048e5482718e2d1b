import "server-only";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { enqueueTestEvent } from "@/lib/webhooks/enqueue";
import { generateWebhookSecret } from "@/lib/webhooks/signature";
import type { SubscribableEventType } from "@/lib/webhooks/events";
import { recordAudit } from "./audit";
import type { Actor } from "./users";

// Merchant webhook endpoints and their delivery log. Every query carries the merchantId of the
// caller's membership: another merchant's endpoint or delivery reads as not found.

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;

/** A refusal the action shows; the message is a catalogue key. */
export class WebhookError extends Error {
  constructor(readonly code: "notFound" | "endpointDisabled") {
    super(`webhooks.errors.${code}`);
    this.name = "WebhookError";
  }
}

const auditActor = (actor: Actor) => ({ id: actor.userId, label: actor.email, ip: actor.ip });

const endpointSummary = {
  id: true,
  url: true,
  description: true,
  events: true,
  status: true,
  consecutiveFailures: true,
  disabledAt: true,
  previousSecretExpiresAt: true,
  createdAt: true,
} as const;

export async function listWebhookEndpoints({ merchantId }: { merchantId: string }) {
  return db.webhookEndpoint.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" }, select: endpointSummary });
}

export async function getWebhookEndpoint({ merchantId, endpointId }: { merchantId: string; endpointId: string }) {
  return db.webhookEndpoint.findFirst({ where: { id: endpointId, merchantId }, select: endpointSummary });
}

/** Creates an endpoint; the plain secret is returned once and stored only sealed. */
export async function createWebhookEndpoint({
  merchantId,
  actor,
  url,
  description,
  events,
}: {
  merchantId: string;
  actor: Actor;
  url: string;
  description: string;
  events: SubscribableEventType[];
}) {
  const secret = generateWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { merchantId, url, description, events, secretEnc: encryptSecret(secret) },
      select: { id: true, url: true, events: true },
    });
    await recordAudit({ merchantId, actor: auditActor(actor), action: "webhook.endpoint.created", objectType: "webhook_endpoint", objectId: created.id, after: created }, tx);
    return created;
  });
  return { endpointId: endpoint.id, secret };
}

export async function updateWebhookEndpoint({
  merchantId,
  actor,
  endpointId,
  description,
  events,
}: {
  merchantId: string;
  actor: Actor;
  endpointId: string;
  description: string;
  events: SubscribableEventType[];
}) {
  await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, merchantId }, select: { description: true, events: true } });
    if (!before) throw new WebhookError("notFound");
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { description, events } });
    await recordAudit(
      { merchantId, actor: auditActor(actor), action: "webhook.endpoint.updated", objectType: "webhook_endpoint", objectId: endpointId, before, after: { description, events } },
      tx,
    );
  });
}

/**
 * A new secret, returned once. The old one keeps signing (both signatures are sent) for
 * ROTATION_OVERLAP_MS so receivers can switch without dropping messages.
 */
export async function rotateWebhookSecret({ merchantId, actor, endpointId, now = new Date() }: { merchantId: string; actor: Actor; endpointId: string; now?: Date }) {
  const secret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, merchantId }, select: { secretEnc: true } });
    if (!endpoint) throw new WebhookError("notFound");
    const previousSecretExpiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secretEnc: encryptSecret(secret), previousSecretEnc: endpoint.secretEnc, previousSecretExpiresAt },
    });
    await recordAudit(
      { merchantId, actor: auditActor(actor), action: "webhook.endpoint.secret_rotated", objectType: "webhook_endpoint", objectId: endpointId, after: { previousSecretExpiresAt } },
      tx,
    );
  });
  return { secret };
}

/** Enables (resetting the failure count) or disables an endpoint by hand. */
export async function setWebhookEndpointEnabled({ merchantId, actor, endpointId, enabled }: { merchantId: string; actor: Actor; endpointId: string; enabled: boolean }) {
  await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, merchantId }, select: { status: true } });
    if (!before) throw new WebhookError("notFound");
    const status = enabled ? "ENABLED" : "DISABLED";
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: enabled ? { status, disabledAt: null, consecutiveFailures: 0 } : { status, disabledAt: new Date() },
    });
    await recordAudit(
      { merchantId, actor: auditActor(actor), action: enabled ? "webhook.endpoint.enabled" : "webhook.endpoint.disabled", objectType: "webhook_endpoint", objectId: endpointId, before, after: { status } },
      tx,
    );
  });
}

export async function deleteWebhookEndpoint({ merchantId, actor, endpointId }: { merchantId: string; actor: Actor; endpointId: string }) {
  await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, merchantId }, select: { url: true, events: true, status: true } });
    if (!before) throw new WebhookError("notFound");
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit({ merchantId, actor: auditActor(actor), action: "webhook.endpoint.deleted", objectType: "webhook_endpoint", objectId: endpointId, before }, tx);
  });
}

/** Queues a `webhook.test` message to one endpoint (enabled or not: testing a fix is the point). */
export async function sendWebhookTestEvent({ merchantId, actor, endpointId }: { merchantId: string; actor: Actor; endpointId: string }) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, merchantId }, select: { id: true, status: true } });
    if (!endpoint) throw new WebhookError("notFound");
    if (endpoint.status !== "ENABLED") throw new WebhookError("endpointDisabled");
    const delivery = await enqueueTestEvent(tx, { merchantId, endpointId });
    await recordAudit({ merchantId, actor: auditActor(actor), action: "webhook.test_sent", objectType: "webhook_endpoint", objectId: endpointId, after: delivery }, tx);
    return delivery;
  });
}

/**
 * Sends a delivery again as a new delivery row with the same message id and body (receivers
 * deduplicate on `webhook-id`), whatever became of the original.
 */
export async function redeliverWebhook({ merchantId, actor, deliveryId }: { merchantId: string; actor: Actor; deliveryId: string }) {
  return db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, merchantId },
      select: { endpointId: true, messageId: true, eventType: true, payload: true, endpoint: { select: { status: true } } },
    });
    if (!original) throw new WebhookError("notFound");
    if (original.endpoint.status !== "ENABLED") throw new WebhookError("endpointDisabled");
    const now = new Date();
    const copy = await tx.webhookDelivery.create({
      data: {
        merchantId,
        endpointId: original.endpointId,
        messageId: original.messageId,
        eventType: original.eventType,
        payload: original.payload ?? {},
        status: "PENDING",
        nextAttemptAt: now,
        createdAt: now,
      },
      select: { id: true, messageId: true },
    });
    await recordAudit(
      { merchantId, actor: auditActor(actor), action: "webhook.redelivered", objectType: "webhook_delivery", objectId: deliveryId, after: { deliveryId: copy.id, messageId: copy.messageId } },
      tx,
    );
    return copy;
  });
}

export const DELIVERY_PAGE_SIZE = 25;

/** One endpoint's deliveries, newest first, keyset-paged on (createdAt, id). */
export async function listWebhookDeliveries({
  merchantId,
  endpointId,
  before,
  take = DELIVERY_PAGE_SIZE,
}: {
  merchantId: string;
  endpointId: string;
  before?: { createdAt: Date; id: string };
  take?: number;
}) {
  const rows = await db.webhookDelivery.findMany({
    where: {
      merchantId,
      endpointId,
      ...(before && { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      messageId: true,
      eventType: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
      attemptsLog: { orderBy: { createdAt: "desc" }, take: 1, select: { durationMs: true } },
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    deliveries: page.map(({ attemptsLog, ...row }) => ({ ...row, lastDurationMs: attemptsLog[0]?.durationMs ?? null })),
    next: rows.length > take && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** One delivery with its attempts and body (for the detail view). */
export async function getWebhookDelivery({ merchantId, deliveryId }: { merchantId: string; deliveryId: string }) {
  return db.webhookDelivery.findFirst({
    where: { id: deliveryId, merchantId },
    select: {
      id: true,
      endpointId: true,
      messageId: true,
      eventType: true,
      status: true,
      payload: true,
      createdAt: true,
      attemptsLog: { orderBy: { createdAt: "asc" }, select: { id: true, statusCode: true, error: true, durationMs: true, createdAt: true } },
    },
  });
}
