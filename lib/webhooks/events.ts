// The catalogue of webhook event types a merchant can subscribe to. One place: the endpoint
// form, the enqueue function and the tests read this list.

export const webhookEventTypes = [
  "integration.version.submitted",
  "integration.version.withdrawn",
  "integration.version.approved",
  "integration.version.changes_requested",
  "integration.version.rejected",
  "integration.version.live",
  "integration.suspended",
  "integration.rolled_back",
  "integration.drift_detected",
  "review.comment.created",
  "statement.ready",
] as const;

export type SubscribableEventType = (typeof webhookEventTypes)[number];

/** Sent only by the "send test event" button, to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

export type WebhookEventType = SubscribableEventType | typeof TEST_EVENT_TYPE;

export function isSubscribableEventType(value: string): value is SubscribableEventType {
  return (webhookEventTypes as readonly string[]).includes(value);
}

/** The key of an event type in the `webhooks.events` catalogue (message keys cannot hold dots). */
export function eventMessageKey(type: string): string {
  return type.replaceAll(".", "_");
}
