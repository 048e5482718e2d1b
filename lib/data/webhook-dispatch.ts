import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "./audit";
import { notifyMerchantMembers } from "./notifications";

// What the delivery worker reads and writes. The worker only has ids of deliveries it claimed;
// every write is keyed by that delivery and its endpoint, never by input from a request.

/** While a claimed delivery is being sent, it is invisible to other sweeps for this long. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Claims up to `limit` due PENDING deliveries for this worker: pushes their nextAttemptAt past
 * the lease so a concurrent sweep skips them, and a crash mid-send only delays the attempt.
 */
export async function claimDueDeliveries({ limit, now = new Date() }: { limit: number; now?: Date }): Promise<string[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}

export async function loadDeliveryForSending(deliveryId: string) {
  return db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      merchantId: true,
      messageId: true,
      eventType: true,
      payload: true,
      status: true,
      attempts: true,
      endpoint: {
        select: { id: true, url: true, status: true, secretEnc: true, previousSecretEnc: true, previousSecretExpiresAt: true },
      },
    },
  });
}

export type AttemptResult = { statusCode: number | null; error: string | null; durationMs: number; ok: boolean };

export type AttemptOutcome =
  | { kind: "succeeded" }
  | { kind: "retry"; nextAttemptAt: Date }
  | { kind: "failed" };

/**
 * Records one attempt and moves the delivery on. A delivery that finally fails counts against
 * its endpoint; after `autoDisableAfter` failed deliveries in a row the endpoint is disabled,
 * audited and the merchant's owners and admins are told.
 */
export async function recordAttempt({
  deliveryId,
  result,
  outcome,
  autoDisableAfter,
  link,
}: {
  deliveryId: string;
  result: AttemptResult;
  outcome: AttemptOutcome;
  autoDisableAfter: number;
  link: (merchantSlug: string) => string;
}): Promise<{ endpointDisabled: boolean }> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { merchantId: true, endpointId: true } });
    const now = new Date();
    await tx.webhookAttempt.create({
      data: { merchantId: delivery.merchantId, deliveryId, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs },
    });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attempts: { increment: 1 },
        lastStatusCode: result.statusCode,
        lastError: result.error,
        status: outcome.kind === "succeeded" ? "SUCCEEDED" : outcome.kind === "failed" ? "FAILED" : "PENDING",
        nextAttemptAt: outcome.kind === "retry" ? outcome.nextAttemptAt : null,
        deliveredAt: outcome.kind === "succeeded" ? now : null,
      },
    });
    if (outcome.kind === "succeeded") {
      await tx.webhookEndpoint.update({ where: { id: delivery.endpointId }, data: { consecutiveFailures: 0 } });
      return { endpointDisabled: false };
    }
    if (outcome.kind === "retry") return { endpointDisabled: false };

    const endpoint = await tx.webhookEndpoint.update({
      where: { id: delivery.endpointId },
      data: { consecutiveFailures: { increment: 1 } },
      select: { id: true, url: true, status: true, consecutiveFailures: true },
    });
    if (endpoint.status !== "ENABLED" || endpoint.consecutiveFailures < autoDisableAfter) return { endpointDisabled: false };

    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { status: "DISABLED", disabledAt: now } });
    const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: delivery.merchantId }, select: { slug: true } });
    await recordAudit(
      {
        merchantId: delivery.merchantId,
        actor: { id: null, label: "system" },
        action: "webhook.endpoint.auto_disabled",
        objectType: "webhook_endpoint",
        objectId: endpoint.id,
        before: { status: "ENABLED" },
        after: { status: "DISABLED", consecutiveFailures: endpoint.consecutiveFailures },
      },
      tx,
    );
    await notifyMerchantMembers(tx, {
      merchantId: delivery.merchantId,
      kind: "webhookEndpointDisabled",
      params: { url: endpoint.url, failures: endpoint.consecutiveFailures },
      link: link(merchant.slug),
      roles: ["OWNER", "ADMIN"],
    });
    return { endpointDisabled: true };
  });
}

/** A delivery due for an endpoint that is disabled (or was deleted mid-flight) fails without a request. */
export async function failUndeliverable({ deliveryId, reason }: { deliveryId: string; reason: string }): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "PENDING" },
    data: { status: "FAILED", lastError: reason, nextAttemptAt: null },
  });
}
