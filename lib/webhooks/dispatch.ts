import "server-only";
import { decryptSecret } from "@/lib/crypto/secret-box";
import {
  claimDueDeliveries,
  failUndeliverable,
  loadDeliveryForSending,
  recordAttempt,
  type AttemptOutcome,
  type AttemptResult,
} from "@/lib/data/webhook-dispatch";
import { GuardedFetchError } from "@/lib/net/guarded-fetch-error";
import { createGuardedFetch } from "@/lib/net/guarded-fetch";
import { nextRetryDelayMs, parseRetryDelays } from "./backoff";
import { signingSecrets, webhookHeaders } from "./signature";

// The webhook delivery worker: claims due deliveries, signs and POSTs each through the guarded
// client, records the attempt and schedules the next one with backoff and jitter.

export const DEFAULT_AUTO_DISABLE_AFTER = 5;
/** A receiver gets this long for the whole exchange; the body it answers with is capped. */
const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_ERROR_LENGTH = 500;

export type DispatchOptions = {
  fetch?: typeof fetch;
  retryDelaysMs?: readonly number[];
  autoDisableAfter?: number;
  random?: () => number;
  now?: () => Date;
};

function defaults(options: DispatchOptions) {
  return {
    fetch: options.fetch ?? createGuardedFetch({ totalTimeoutMs: DELIVERY_TIMEOUT_MS, headersTimeoutMs: DELIVERY_TIMEOUT_MS, maxResponseBytes: MAX_RESPONSE_BYTES }),
    retryDelaysMs: options.retryDelaysMs ?? parseRetryDelays(process.env.SKILLGATE_WEBHOOK_RETRY_DELAYS_MS),
    autoDisableAfter: options.autoDisableAfter ?? (Number(process.env.SKILLGATE_WEBHOOK_AUTO_DISABLE_AFTER) || DEFAULT_AUTO_DISABLE_AFTER),
    random: options.random ?? Math.random,
    now: options.now ?? (() => new Date()),
  };
}

const developersLink = (slug: string) => `/m/${slug}/developers`;

/**
 * Why a delivery was failed without sending: stored as these codes in `lastError`, shown in the
 * reader's language by the delivery log (webhooks.log.errors.*). Network errors stay as they are.
 */
export const undeliverableReasons = { endpointDisabled: "endpoint_disabled", secretUndecryptable: "secret_undecryptable" } as const;

/** Sends one claimed delivery once. */
export async function deliverOnce(deliveryId: string, options: DispatchOptions = {}): Promise<AttemptOutcome | null> {
  const config = defaults(options);
  const delivery = await loadDeliveryForSending(deliveryId);
  if (!delivery || delivery.status !== "PENDING") return null;
  if (delivery.endpoint.status !== "ENABLED") {
    await failUndeliverable({ deliveryId, reason: undeliverableReasons.endpointDisabled });
    return { kind: "failed" };
  }

  const now = config.now();
  let secrets: string[];
  try {
    secrets = signingSecrets({
      current: decryptSecret(delivery.endpoint.secretEnc),
      previous: delivery.endpoint.previousSecretEnc ? decryptSecret(delivery.endpoint.previousSecretEnc) : null,
      previousExpiresAt: delivery.endpoint.previousSecretExpiresAt,
      now,
    });
  } catch {
    await failUndeliverable({ deliveryId, reason: undeliverableReasons.secretUndecryptable });
    return { kind: "failed" };
  }

  const body = JSON.stringify(delivery.payload);
  const headers = webhookHeaders(secrets, { messageId: delivery.messageId, timestamp: Math.floor(now.getTime() / 1000), body });
  const result = await post(config.fetch, delivery.endpoint.url, headers, body);

  const attemptsMade = delivery.attempts + 1;
  let outcome: AttemptOutcome;
  if (result.ok) outcome = { kind: "succeeded" };
  else {
    const delay = nextRetryDelayMs(attemptsMade, config.random, config.retryDelaysMs);
    outcome = delay === null ? { kind: "failed" } : { kind: "retry", nextAttemptAt: new Date(config.now().getTime() + delay) };
  }
  await recordAttempt({ deliveryId, result, outcome, autoDisableAfter: config.autoDisableAfter, link: developersLink });
  return outcome;
}

async function post(fetchFn: typeof fetch, url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  try {
    const response = await fetchFn(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body,
      redirect: "manual",
    });
    // Read (and discard) the capped body so the exchange finishes within the deadline.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: duration() };
  } catch (error) {
    const message = error instanceof GuardedFetchError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, error: message.slice(0, MAX_ERROR_LENGTH), durationMs: duration() };
  }
}

/** One sweep: claims due deliveries and sends them, a few at a time. Returns how many were sent. */
export async function dispatchDueDeliveries(options: DispatchOptions & { limit?: number; concurrency?: number } = {}): Promise<number> {
  const ids = await claimDueDeliveries({ limit: options.limit ?? 20 });
  const concurrency = options.concurrency ?? 4;
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      await deliverOnce(id, options).catch((error) => console.error(`[webhooks] delivery ${id} failed:`, error));
    }
  });
  await Promise.all(workers);
  return ids.length;
}
