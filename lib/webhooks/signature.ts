// Standard Webhooks signing (https://www.standardwebhooks.com): the signed content is
// `${id}.${timestamp}.${body}`, the signature is base64 HMAC-SHA256 keyed with the base64 part
// of a `whsec_…` secret, sent as `v1,<signature>`; several signatures are space-separated (both
// secrets sign during a rotation). Pure apart from randomness for new secrets.
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 24;

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}

export function isWebhookSecret(value: string): boolean {
  if (!value.startsWith(SECRET_PREFIX)) return false;
  const key = value.slice(SECRET_PREFIX.length);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(key) && Buffer.from(key, "base64").length >= 16;
}

function secretKey(secret: string): Buffer {
  if (!isWebhookSecret(secret)) throw new Error("Not a webhook secret (expected whsec_<base64>).");
  return Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
}

export type SignInput = { messageId: string; timestamp: number; body: string };

/** `v1,<base64 HMAC-SHA256>` of one secret. `timestamp` is in whole seconds since the epoch. */
export function signWebhook(secret: string, { messageId, timestamp, body }: SignInput): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${messageId}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers, signed with every secret given (current first). */
export function webhookHeaders(secrets: readonly string[], input: SignInput): Record<string, string> {
  if (secrets.length === 0) throw new Error("At least one secret is needed to sign.");
  return {
    "webhook-id": input.messageId,
    "webhook-timestamp": String(input.timestamp),
    "webhook-signature": secrets.map((secret) => signWebhook(secret, input)).join(" "),
  };
}

/** The secrets that sign now: the current one, plus the previous one until it expires. */
export function signingSecrets({
  current,
  previous,
  previousExpiresAt,
  now,
}: {
  current: string;
  previous: string | null;
  previousExpiresAt: Date | null;
  now: Date;
}): string[] {
  return previous && previousExpiresAt && previousExpiresAt.getTime() > now.getTime() ? [current, previous] : [current];
}
