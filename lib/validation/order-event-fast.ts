// A fast path for the common case of order-event validation: a well-formed event is checked with
// plain comparisons and normalized exactly as the zod schema in ./events.ts would (defaults filled
// in, bigint amounts, Date times). Anything it is not sure about returns null and goes to zod,
// which also writes every error message: this path only ever accepts, never rejects. A property
// test (order-event-fast.test.ts) checks that it accepts nothing zod rejects and that whatever it
// accepts equals zod's output. Ingest batches hold up to 1,000 events; zod's generic machinery
// was the largest share of the web process's CPU per batch.

export type FastRules = {
  maxAmountFen: bigint;
  minTimeMs: number;
  maxFutureMs: number;
  /** zod's own ISO 8601 date-time-with-offset check, so both paths accept the same strings. */
  isIsoDateTime: (value: string) => boolean;
};

const slugPattern = /^[a-z0-9][a-z0-9._-]*$/;
// The same as ./events.ts: no control characters, no unpaired surrogates.
const printable = /^(?:[^\u0000-\u001f\u007f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+$/;
const digits = /^[0-9]{1,20}$/;
const channels = new Set(["ORGANIC", "AI_SKILL", "AI_SCREEN_READ"]);
const paymentMethods = new Set(["STANDARD", "AI_WALLET", "TOKEN_PAY"]);

const createdKeys = new Set(["type", "merchant", "externalId", "sequence", "channel", "agent", "integrationId", "operation", "paymentMethod", "amountFen", "currency", "isVerification", "occurredAt"]);
const refundedKeys = new Set(["type", "merchant", "externalId", "sequence", "refundedFen", "occurredAt"]);
const cancelledKeys = new Set(["type", "merchant", "externalId", "sequence", "occurredAt"]);

const isSlug = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 64 && slugPattern.test(v);
const isIdentifier = (v: unknown, max: number): v is string => typeof v === "string" && v.length >= 1 && v.length <= max && printable.test(v);

function onlyKnownKeys(input: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const key in input) if (!Object.hasOwn(input, key) || !allowed.has(key)) return false;
  // Own non-enumerable or symbol keys do not come out of JSON.parse; anything unusual goes to zod.
  return Object.getPrototypeOf(input) === Object.prototype;
}

function amount(value: unknown, rules: FastRules): bigint | null {
  let fen: bigint;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) return null;
    fen = BigInt(value);
  } else if (typeof value === "string" && digits.test(value)) fen = BigInt(value);
  else return null;
  return fen > 0n && fen <= rules.maxAmountFen ? fen : null;
}

function instant(value: unknown, rules: FastRules): Date | null {
  if (typeof value !== "string" || !rules.isIsoDateTime(value)) return null;
  const at = new Date(value);
  const ms = at.getTime();
  return ms >= rules.minTimeMs && ms <= Date.now() + rules.maxFutureMs ? at : null;
}

function created(input: Record<string, unknown>, rules: FastRules): Record<string, unknown> | null {
  if (!onlyKnownKeys(input, createdKeys)) return null;
  const { merchant, externalId, sequence, channel, agent, integrationId, operation, paymentMethod, currency, isVerification } = input;
  if (!isSlug(merchant) || !isIdentifier(externalId, 128)) return null;
  if (sequence !== undefined && sequence !== 0) return null;
  if (typeof channel !== "string" || !channels.has(channel) || typeof paymentMethod !== "string" || !paymentMethods.has(paymentMethod)) return null;
  if (agent !== undefined && !isSlug(agent)) return null;
  if (integrationId !== undefined && !isIdentifier(integrationId, 64)) return null;
  if (operation !== undefined && !isIdentifier(operation, 128)) return null;
  if (currency !== undefined && currency !== "CNY") return null;
  if (isVerification !== undefined && typeof isVerification !== "boolean") return null;
  // The channel rules of the schema's superRefine.
  const ai = channel !== "ORGANIC";
  const skill = channel === "AI_SKILL";
  if (ai !== (agent !== undefined) || skill !== (integrationId !== undefined) || skill !== (operation !== undefined)) return null;
  const amountFen = amount(input.amountFen, rules);
  const occurredAt = instant(input.occurredAt, rules);
  if (amountFen === null || occurredAt === null) return null;
  const event: Record<string, unknown> = { type: "CREATED", merchant, externalId, sequence: sequence ?? 0, channel };
  if (agent !== undefined) event.agent = agent;
  if (integrationId !== undefined) event.integrationId = integrationId;
  if (operation !== undefined) event.operation = operation;
  event.paymentMethod = paymentMethod;
  event.amountFen = amountFen;
  event.currency = "CNY";
  event.isVerification = isVerification ?? false;
  event.occurredAt = occurredAt;
  return event;
}

function refunded(input: Record<string, unknown>, rules: FastRules): Record<string, unknown> | null {
  if (!onlyKnownKeys(input, refundedKeys)) return null;
  const { merchant, externalId, sequence = 0 } = input;
  if (!isSlug(merchant) || !isIdentifier(externalId, 128)) return null;
  if (typeof sequence !== "number" || !Number.isInteger(sequence) || sequence < 0 || sequence > 9_999) return null;
  const refundedFen = amount(input.refundedFen, rules);
  const occurredAt = instant(input.occurredAt, rules);
  if (refundedFen === null || occurredAt === null) return null;
  return { type: "REFUNDED", merchant, externalId, sequence, refundedFen, occurredAt };
}

function cancelled(input: Record<string, unknown>, rules: FastRules): Record<string, unknown> | null {
  if (!onlyKnownKeys(input, cancelledKeys)) return null;
  const { merchant, externalId, sequence } = input;
  if (!isSlug(merchant) || !isIdentifier(externalId, 128)) return null;
  if (sequence !== undefined && sequence !== 0) return null;
  const occurredAt = instant(input.occurredAt, rules);
  if (occurredAt === null) return null;
  return { type: "CANCELLED", merchant, externalId, sequence: sequence ?? 0, occurredAt };
}

/** The normalized event when `input` is certainly valid; null means "ask zod". */
export function fastOrderEvent(input: unknown, rules: FastRules): Record<string, unknown> | null {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return null;
  const record = input as Record<string, unknown>;
  switch (record.type) {
    case "CREATED":
      return created(record, rules);
    case "REFUNDED":
      return refunded(record, rules);
    case "CANCELLED":
      return cancelled(record, rules);
    default:
      return null;
  }
}
