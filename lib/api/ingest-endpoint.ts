import "server-only";
import { NextResponse } from "next/server";
import type { BatchReport, EventResult } from "@/lib/ingest/types";
import { parseBatchEnvelope, type Parsed } from "@/lib/validation/events";
import { authenticateApiKey } from "./authenticate-key";
import { apiError } from "./problem";
import { readLimitedText } from "./read-limited-body";
import { TokenBuckets } from "./token-bucket";

// What the two ingest routes share: platform ingest key, body size limit, batch envelope, per-key
// rate limit, per-event validation, and the batch report with its status code:
//   200 when at least one event was accepted or is a duplicate, else 409 when some conflict,
//   else 422 (every event rejected); 400 when the body is not a batch at all.

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

function bucketsFromEnv(): TokenBuckets {
  return new TokenBuckets({
    ratePerSecond: Number(process.env.INGEST_RATE_LIMIT_EVENTS_PER_SECOND ?? 50_000),
    burst: Math.max(1_000, Number(process.env.INGEST_RATE_LIMIT_BURST ?? 100_000)),
  });
}
let buckets = bucketsFromEnv();

/** For tests: a fresh limiter, from the environment or the given options. */
export function resetIngestRateLimit(options?: { ratePerSecond: number; burst: number }): void {
  buckets = options ? new TokenBuckets(options) : bucketsFromEnv();
}

export type IngestHandler<T> = {
  parse: (input: unknown) => Parsed<T>;
  ingest: (events: { index: number; event: T }[]) => Promise<EventResult[]>;
};

export async function handleIngest<T>(request: Request, handler: IngestHandler<T>): Promise<Response> {
  const auth = await authenticateApiKey(request, ["PLATFORM_INGEST"]);
  if (!auth.ok) return auth.response;

  const started = performance.now();
  const body = await readLimitedText(request, MAX_BODY_BYTES);
  if (!body.ok) {
    return body.reason === "too_large"
      ? apiError(413, "body_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes (2 MiB); send smaller batches.`, { limitBytes: MAX_BODY_BYTES })
      : apiError(400, "invalid_encoding", "The body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (error) {
    return apiError(400, "invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
  const envelope = parseBatchEnvelope(json);
  if (!envelope.ok) return apiError(400, "invalid_batch", envelope.message);

  const taken = buckets.take(auth.key.id, envelope.events.length, Date.now());
  if (!taken.ok) {
    return apiError(429, "rate_limited", `This key sent more events than its limit allows; retry in ${taken.retryAfterSeconds} s.`, { retryAfterSeconds: taken.retryAfterSeconds }, { "Retry-After": String(taken.retryAfterSeconds) });
  }

  const results: EventResult[] = [];
  const valid: { index: number; event: T }[] = [];
  envelope.events.forEach((input, index) => {
    const parsed = handler.parse(input);
    if (parsed.ok) valid.push({ index, event: parsed.event });
    else results.push({ index, status: "rejected", errors: parsed.errors });
  });
  const validated = performance.now();
  if (valid.length) results.push(...(await handler.ingest(valid)));
  const stored = performance.now();

  const report = toReport(results);
  const status = report.accepted + report.duplicates > 0 ? 200 : report.conflicts > 0 ? 409 : 422;
  // Where a batch's time went (read + parse + validate, then database), for clients and benchmarks.
  const timing = `validate;dur=${(validated - started).toFixed(1)}, store;dur=${(stored - validated).toFixed(1)}`;
  return NextResponse.json(report, { status, headers: { "Server-Timing": timing } });
}

export function toReport(results: EventResult[]): BatchReport {
  results.sort((a, b) => a.index - b.index);
  const count = (status: EventResult["status"]) => results.reduce((n, r) => n + (r.status === status ? 1 : 0), 0);
  return { accepted: count("accepted"), duplicates: count("duplicate"), conflicts: count("conflict"), rejected: count("rejected"), results };
}
