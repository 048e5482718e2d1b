import { randomBytes } from "node:crypto";

/** The `webhook-id` of one message: stable across every retry and redelivery of it. */
export function newMessageId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}
