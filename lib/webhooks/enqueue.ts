import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TEST_EVENT_TYPE, type SubscribableEventType, type WebhookEventType } from "./events";
import { newMessageId } from "./message-id";

// Call inside the transaction that makes the change the event describes: the deliveries commit
// (or roll back) with it. Nothing is sent here. The delivery worker (lib/webhooks/worker.ts)
// picks up PENDING deliveries whose nextAttemptAt is due, so a process that dies right after the
// commit loses nothing: the next sweep of any worker sends them.

type Writer = Pick<Prisma.TransactionClient, "webhookEndpoint" | "webhookDelivery">;

export type WebhookEventInput = {
  merchantId: string;
  type: SubscribableEventType;
  /** The event's `data` object (JSON; bigint allowed, sent as a decimal string). */
  payload: Record<string, unknown>;
};

/** JSON columns cannot hold bigint; money in payloads goes out as decimal strings. */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * The stored body of a message: `{ type, timestamp, data }` as Standard Webhooks suggests. It is
 * sent byte-for-byte the same on every retry and redelivery.
 */
function envelope(type: WebhookEventType, at: Date, data: unknown) {
  return { type, timestamp: at.toISOString(), data };
}

/**
 * Writes one PENDING WebhookDelivery per ENABLED endpoint of the merchant subscribed to `type`.
 * Returns the number of deliveries written.
 */
export async function enqueueWebhookEvent(tx: Writer, { merchantId, type, payload }: WebhookEventInput): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { merchantId, status: "ENABLED", events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const now = new Date();
  const data = toJson(envelope(type, now, payload));
  await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      merchantId,
      endpointId: endpoint.id,
      messageId: newMessageId(),
      eventType: type,
      payload: data,
      status: "PENDING" as const,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
  return endpoints.length;
}

/** The "send test event" delivery for one endpoint (already checked to belong to the merchant). */
export async function enqueueTestEvent(tx: Writer, { merchantId, endpointId }: { merchantId: string; endpointId: string }) {
  const now = new Date();
  return tx.webhookDelivery.create({
    data: {
      merchantId,
      endpointId,
      messageId: newMessageId(),
      eventType: TEST_EVENT_TYPE,
      payload: toJson(envelope(TEST_EVENT_TYPE, now, { endpointId, message: "This is a test event from Skillgate." })),
      status: "PENDING",
      nextAttemptAt: now,
      createdAt: now,
    },
    select: { id: true, messageId: true },
  });
}
