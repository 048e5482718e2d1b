// Ingest events from the platform's order pipeline: zod schemas, one event at a time, so a bad
// event is rejected with its own field errors while the rest of its batch is kept. The wire
// format is the one the demo generator writes (lib/demo/activity.ts): the same JSON re-sent is a
// duplicate because the body hash is taken over the normalized event (bodyHashOf).
import { z } from "zod";
import { canonicalJson, sha256Hex } from "../canonical-json";

export const MAX_EVENTS_PER_BATCH = 1_000;
/** 1 billion CNY: per-order amounts stay far from bigint overflow even when summed over 10M orders. */
export const MAX_AMOUNT_FEN = 100_000_000_000n;

const slug = (name: string) =>
  z
    .string({ error: `${name} is required (a slug).` })
    .min(1, { message: `${name} must not be empty.`, abort: true })
    .max(64, `${name} is longer than 64 characters.`)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, `${name} must be a slug: lower-case letters, digits, ".", "_" or "-".`);

// No control characters: PostgreSQL text cannot hold NUL, and ids with newlines or tabs are
// never intended. No unpaired UTF-16 surrogates either ("\ud800" is legal JSON, but PostgreSQL's
// jsonb refuses it, and the stored payload is jsonb): only whole characters.
const printable = /^(?:[^\u0000-\u001f\u007f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+$/;
const identifier = (name: string, max = 128) =>
  z
    .string({ error: `${name} is required (a string).` })
    .min(1, { message: `${name} must not be empty.`, abort: true })
    .max(max, `${name} is longer than ${max} characters.`)
    .regex(printable, `${name} must not contain control characters or unpaired surrogates.`);

/** A positive amount in fen, as a JSON integer or a decimal string (for values beyond 2^53). */
const amountFen = (name: string) =>
  z.union([z.number(), z.string()], { error: `${name} must be a positive integer number of fen (a JSON integer or a decimal string).` }).transform((value, ctx) => {
    let fen: bigint;
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) {
        ctx.addIssue({ code: "custom", message: `${name} must be an integer number of fen; send amounts beyond 2^53 as a decimal string.` });
        return z.NEVER;
      }
      fen = BigInt(value);
    } else {
      if (!/^[0-9]{1,20}$/.test(value)) {
        ctx.addIssue({ code: "custom", message: `${name} must be a decimal string of digits only, e.g. "1800".` });
        return z.NEVER;
      }
      fen = BigInt(value);
    }
    if (fen <= 0n) {
      ctx.addIssue({ code: "custom", message: `${name} must be positive.` });
      return z.NEVER;
    }
    if (fen > MAX_AMOUNT_FEN) {
      ctx.addIssue({ code: "custom", message: `${name} must be at most ${MAX_AMOUNT_FEN} fen.` });
      return z.NEVER;
    }
    return fen;
  });

const MIN_TIME = Date.UTC(2000, 0, 1);
/** Pipelines' clocks drift; anything further ahead than this is a bug, not skew. */
const MAX_FUTURE_MS = 24 * 3_600_000;

const isoDateTime = z.iso.datetime({ offset: true });

const instant = (name: string) =>
  z
    .string({ error: `${name} is required (an ISO 8601 date-time with offset).` })
    .refine((v) => isoDateTime.safeParse(v).success, {
      message: `${name} must be an ISO 8601 date-time with a time zone, e.g. 2026-11-28T09:30:00Z.`,
      abort: true,
    })
    .transform((value, ctx) => {
      const at = new Date(value);
      const ms = at.getTime();
      if (ms < MIN_TIME || ms > Date.now() + MAX_FUTURE_MS) {
        ctx.addIssue({ code: "custom", message: `${name} must be between 2000-01-01 and 24 hours from now.` });
        return z.NEVER;
      }
      return at;
    });

const channelSchema = z.enum(["ORGANIC", "AI_SKILL", "AI_SCREEN_READ"], { error: "channel must be ORGANIC, AI_SKILL or AI_SCREEN_READ." });
const paymentMethodSchema = z.enum(["STANDARD", "AI_WALLET", "TOKEN_PAY"], { error: "paymentMethod must be STANDARD, AI_WALLET or TOKEN_PAY." });
const zeroSequence = z.literal(0, { error: "sequence must be 0 (or absent) for this event type; only refunds are numbered." }).default(0);

const orderCreatedSchema = z
  .strictObject({
    type: z.literal("CREATED"),
    merchant: slug("merchant"),
    externalId: identifier("externalId"),
    sequence: zeroSequence,
    channel: channelSchema,
    agent: slug("agent").optional(),
    integrationId: identifier("integrationId", 64).optional(),
    operation: identifier("operation").optional(),
    paymentMethod: paymentMethodSchema,
    amountFen: amountFen("amountFen"),
    currency: z.literal("CNY", { error: "currency must be CNY." }).default("CNY"),
    isVerification: z.boolean({ error: "isVerification must be true or false." }).default(false),
    occurredAt: instant("occurredAt"),
  })
  .superRefine((event, ctx) => {
    const ai = event.channel !== "ORGANIC";
    if (ai && !event.agent) ctx.addIssue({ code: "custom", path: ["agent"], message: `agent is required for ${event.channel} orders.` });
    if (!ai && event.agent) ctx.addIssue({ code: "custom", path: ["agent"], message: "ORGANIC orders have no agent." });
    const skill = event.channel === "AI_SKILL";
    if (skill && !event.integrationId) ctx.addIssue({ code: "custom", path: ["integrationId"], message: "integrationId is required for AI_SKILL orders." });
    if (skill && !event.operation) ctx.addIssue({ code: "custom", path: ["operation"], message: "operation is required for AI_SKILL orders." });
    if (!skill && event.integrationId) ctx.addIssue({ code: "custom", path: ["integrationId"], message: "only AI_SKILL orders name an integration." });
    if (!skill && event.operation) ctx.addIssue({ code: "custom", path: ["operation"], message: "only AI_SKILL orders name an operation." });
  });

const orderRefundedSchema = z.strictObject({
  type: z.literal("REFUNDED"),
  merchant: slug("merchant"),
  externalId: identifier("externalId"),
  /** Numbers the refunds of one order: 0, 1, 2, … Each is its own idempotent event. */
  sequence: z
    .number({ error: "sequence must be an integer from 0 to 9999." })
    .int("sequence must be an integer from 0 to 9999.")
    .min(0, "sequence must be an integer from 0 to 9999.")
    .max(9_999, "sequence must be an integer from 0 to 9999.")
    .default(0),
  /** The amount of THIS refund (not a running total). */
  refundedFen: amountFen("refundedFen"),
  occurredAt: instant("occurredAt"),
});

const orderCancelledSchema = z.strictObject({
  type: z.literal("CANCELLED"),
  merchant: slug("merchant"),
  externalId: identifier("externalId"),
  sequence: zeroSequence,
  occurredAt: instant("occurredAt"),
});

export const orderEventSchema = z.discriminatedUnion("type", [orderCreatedSchema, orderRefundedSchema, orderCancelledSchema], {
  error: "type must be CREATED, REFUNDED or CANCELLED.",
});

export type OrderCreatedEvent = z.infer<typeof orderCreatedSchema>;
export type OrderRefundedEvent = z.infer<typeof orderRefundedSchema>;
export type OrderCancelledEvent = z.infer<typeof orderCancelledSchema>;
export type OrderEvent = z.infer<typeof orderEventSchema>;

export const screenReadOutcomes = [
  "COMPLETED",
  "ELEMENT_NOT_FOUND",
  "POPUP_BLOCKED",
  "LAYOUT_CHANGED",
  "TIMEOUT",
  "USER_ABORTED",
  "PAYMENT_MISMATCH",
] as const;

export const screenReadSessionSchema = z.strictObject({
  merchant: slug("merchant"),
  externalId: identifier("externalId"),
  agent: slug("agent"),
  pagePath: z
    .string({ error: "pagePath is required (a path such as /checkout/pay)." })
    .min(1, { message: "pagePath must not be empty.", abort: true })
    .max(512, "pagePath is longer than 512 characters.")
    .regex(/^\/(?:[^\u0000-\u001f\u007f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/, "pagePath must start with / and contain no control characters or unpaired surrogates."),
  steps: z.number({ error: "steps must be an integer from 0 to 10000." }).int("steps must be an integer from 0 to 10000.").min(0, "steps must be an integer from 0 to 10000.").max(10_000, "steps must be an integer from 0 to 10000."),
  outcome: z.enum(screenReadOutcomes, { error: `outcome must be one of ${screenReadOutcomes.join(", ")}.` }),
  orderExternalId: identifier("orderExternalId").optional(),
  startedAt: instant("startedAt"),
  durationMs: z
    .number({ error: "durationMs must be an integer number of milliseconds, at most one day." })
    .int("durationMs must be an integer number of milliseconds, at most one day.")
    .min(0, "durationMs must not be negative.")
    .max(86_400_000, "durationMs must be at most one day (86400000)."),
});

export type ScreenReadSessionEvent = z.infer<typeof screenReadSessionSchema>;

export type FieldError = { path: string; message: string };

function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: base ? `${base}.${key}` : key, message: `unknown field "${key}".` });
    } else {
      out.push({ path: base, message: issue.message });
    }
  }
  return out;
}

export type Parsed<T> = { ok: true; event: T } | { ok: false; errors: FieldError[] };

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): Parsed<T> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, errors: [{ path: "", message: `each ${what} must be a JSON object.` }] };
  }
  const result = schema.safeParse(input);
  return result.success ? { ok: true, event: result.data } : { ok: false, errors: formatIssues(result.error.issues) };
}

export function parseOrderEvent(input: unknown): Parsed<OrderEvent> {
  return parseWith(orderEventSchema, input, "order event");
}

export function parseScreenReadSession(input: unknown): Parsed<ScreenReadSessionEvent> {
  return parseWith(screenReadSessionSchema, input, "screen-read session");
}

/**
 * SHA-256 of the canonical JSON of the normalized event (defaults filled in, amounts as decimal
 * strings, times as UTC ISO), without `sequence`, which is part of the identity already.
 * Formatting, key order, `1800` vs `"1800"` or `+08:00` vs `Z` therefore do not make a conflict.
 */
export function bodyHashOf(event: OrderEvent | ScreenReadSessionEvent): { hash: string; canonical: string } {
  const keys = "type" in event ? orderEventKeys[event.type] : screenReadKeys;
  const canonical = canonicalFlatJson(event as Record<string, unknown>, keys);
  return { hash: sha256Hex(canonical), canonical };
}

/** A schema's field names in canonical (sorted) order without `sequence`, each with its `"name":` prefix. */
type CanonicalKeys = readonly (readonly [name: string, prefix: string])[];
const canonicalKeysOf = (shape: object): CanonicalKeys =>
  Object.keys(shape)
    .filter((key) => key !== "sequence")
    .sort()
    .map((key) => [key, `${JSON.stringify(key)}:`] as const);
// Parsed events are strict objects: their keys are their schema's fields, nothing else.
const orderEventKeys: Record<OrderEvent["type"], CanonicalKeys> = {
  CREATED: canonicalKeysOf(orderCreatedSchema.shape),
  REFUNDED: canonicalKeysOf(orderRefundedSchema.shape),
  CANCELLED: canonicalKeysOf(orderCancelledSchema.shape),
};
const screenReadKeys = canonicalKeysOf(screenReadSessionSchema.shape);

/**
 * canonicalJson (lib/canonical-json) specialised for flat normalized events, without `sequence`:
 * the hot path hashes up to a thousand events per request, so with `keys` (the event's schema
 * fields, sorted) it neither lists nor sorts the event's keys. Tests check it against
 * canonicalJson and against the hashes the demo generator stores.
 */
export function canonicalFlatJson(event: Record<string, unknown>, keys: CanonicalKeys = canonicalKeysOf(event)): string {
  let out = "";
  for (const [key, prefix] of keys) {
    const value = event[key];
    if (value === undefined) continue;
    const text = canonicalValue(value);
    out += out ? `,${prefix}${text}` : `{${prefix}${text}`;
  }
  return out ? `${out}}` : "{}";
}

/** One field's value as canonical JSON: bigints and dates as strings, nested objects by canonicalJson. */
function canonicalValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `"${value}"`;
  if (value instanceof Date) return `"${value.toISOString()}"`;
  if (typeof value === "object" && value !== null) return canonicalJson(value);
  return JSON.stringify(value);
}

export type BatchEnvelope = { ok: true; events: unknown[] } | { ok: false; message: string };

/** The batch itself: `{ "events": [ … ] }` with 1 to 1,000 events; anything else is a 400. */
export function parseBatchEnvelope(body: unknown): BatchEnvelope {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, message: 'The body must be a JSON object: { "events": [ … ] }.' };
  }
  const extra = Object.keys(body).filter((k) => k !== "events");
  if (extra.length) return { ok: false, message: `Unknown top-level field ${extra.map((k) => `"${k}"`).join(", ")}; the body is { "events": [ … ] }.` };
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) return { ok: false, message: '"events" must be an array of events.' };
  if (events.length === 0) return { ok: false, message: '"events" is empty: send 1 to 1000 events.' };
  if (events.length > MAX_EVENTS_PER_BATCH) {
    return { ok: false, message: `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one has ${events.length}. Split it.` };
  }
  return { ok: true, events };
}
