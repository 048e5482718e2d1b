import "server-only";
import { notifyMerchantMembers, notifyReviewers } from "@/lib/data/notifications";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantRole } from "@/lib/generated/prisma/enums";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import type { SubscribableEventType } from "@/lib/webhooks/events";

// The one place the review workflow tells the outside world what happened: a merchant webhook
// (Standard Webhooks, lib/webhooks) and in-app notifications (lib/data/notifications), written in
// the same transaction as the change, so neither goes out for a change that rolled back.

export type ReviewEventType = Exclude<SubscribableEventType, "integration.drift_detected" | "statement.ready">;

export type ReviewAnnouncement = {
  type: ReviewEventType;
  merchantId: string;
  integrationId: string;
  versionId: string;
  versionNumber: number;
  /** For comments: who wrote it (the other side is notified). */
  side?: "MERCHANT" | "REVIEWER";
  /** Extra fields of the webhook payload (decision reasons, comment id, …). */
  data?: Record<string, unknown>;
};

/** Notification kind (key of the `notifications.kinds` catalogue) of each event. */
export const notificationKind: Record<ReviewEventType, string> = {
  "integration.version.submitted": "versionSubmitted",
  "integration.version.withdrawn": "versionWithdrawn",
  "integration.version.approved": "versionApproved",
  "integration.version.changes_requested": "versionChangesRequested",
  "integration.version.rejected": "versionRejected",
  "integration.version.live": "versionLive",
  "integration.suspended": "integrationSuspended",
  "integration.rolled_back": "integrationRolledBack",
  "review.comment.created": "reviewCommentCreated",
};

type Audience = { merchant: boolean; reviewers: boolean };

export function audienceOf(event: Pick<ReviewAnnouncement, "type" | "side">): Audience {
  switch (event.type) {
    case "integration.version.submitted":
    case "integration.version.withdrawn":
      return { merchant: false, reviewers: true };
    case "integration.suspended":
      return { merchant: true, reviewers: true };
    case "review.comment.created":
      return { merchant: event.side === "REVIEWER", reviewers: event.side === "MERCHANT" };
    default:
      return { merchant: true, reviewers: false };
  }
}

/** Members who work on integrations hear about reviews; analysts do not. */
const integrationRoles: MerchantRole[] = ["OWNER", "ADMIN", "DEVELOPER"];

export async function announce(tx: Prisma.TransactionClient, event: ReviewAnnouncement): Promise<void> {
  const integration = await tx.integration.findFirstOrThrow({
    where: { id: event.integrationId, merchantId: event.merchantId },
    select: { name: true, merchant: { select: { slug: true, name: true } } },
  });
  await enqueueWebhookEvent(tx, {
    merchantId: event.merchantId,
    type: event.type,
    payload: { integrationId: event.integrationId, integrationName: integration.name, versionId: event.versionId, versionNumber: event.versionNumber, ...event.data },
  });
  const audience = audienceOf(event);
  const kind = notificationKind[event.type];
  const params = { integration: integration.name, version: event.versionNumber, merchant: integration.merchant.name };
  if (audience.merchant) {
    const link = `/m/${integration.merchant.slug}/integrations/${encodeURIComponent(event.integrationId)}?version=${encodeURIComponent(event.versionId)}`;
    await notifyMerchantMembers(tx, { merchantId: event.merchantId, kind, params, link, roles: integrationRoles });
  }
  if (audience.reviewers) await notifyReviewers(tx, { kind, params, link: `/review/${encodeURIComponent(event.versionId)}` });
}
