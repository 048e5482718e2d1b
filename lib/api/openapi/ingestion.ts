// The ingestion routes: POST /api/v1/events/orders and /api/v1/events/screen-reads. Mirrors
// lib/validation/events.ts (the zod schemas are the source of truth; a test posts the examples).

const slug = { type: "string", minLength: 1, maxLength: 64, pattern: "^[a-z0-9][a-z0-9._-]*$" } as const;
const identifier = { type: "string", minLength: 1, maxLength: 128, description: "No control characters." } as const;
const instant = { type: "string", format: "date-time", description: "ISO 8601 with a time zone; between 2000-01-01 and 24 h from now." } as const;
const amount = {
  oneOf: [
    { type: "integer", minimum: 1, maximum: 9007199254740991 },
    { type: "string", pattern: "^[0-9]{1,20}$" },
  ],
  description: "Fen, positive, at most 100000000000; a JSON integer or a decimal string (for exactness beyond 2^53).",
} as const;

export const ingestionSchemas = {
  OrderCreatedEvent: {
    type: "object",
    additionalProperties: false,
    required: ["type", "merchant", "externalId", "channel", "paymentMethod", "amountFen", "occurredAt"],
    properties: {
      type: { const: "CREATED" },
      merchant: { ...slug, description: "Merchant slug." },
      externalId: { ...identifier, description: "The order's id in the platform's order pipeline." },
      sequence: { const: 0, default: 0 },
      channel: { enum: ["ORGANIC", "AI_SKILL", "AI_SCREEN_READ"] },
      agent: { ...slug, description: "Agent slug; required for AI_SKILL and AI_SCREEN_READ, absent for ORGANIC." },
      integrationId: { type: "string", minLength: 1, maxLength: 64, description: "Required for AI_SKILL only; must belong to the merchant." },
      operation: { ...identifier, description: "Operation (or MCP tool) name; required for AI_SKILL only." },
      paymentMethod: { enum: ["STANDARD", "AI_WALLET", "TOKEN_PAY"] },
      amountFen: amount,
      currency: { const: "CNY", default: "CNY" },
      isVerification: { type: "boolean", default: false, description: "A Token Pay account-verification micro-charge." },
      occurredAt: instant,
    },
  },
  OrderRefundedEvent: {
    type: "object",
    additionalProperties: false,
    required: ["type", "merchant", "externalId", "refundedFen", "occurredAt"],
    properties: {
      type: { const: "REFUNDED" },
      merchant: slug,
      externalId: identifier,
      sequence: { type: "integer", minimum: 0, maximum: 9999, default: 0, description: "Numbers the refunds of one order; each (order, sequence) is its own idempotent event." },
      refundedFen: { ...amount, description: "The amount of THIS refund (not a running total); the order's refunds may not exceed its amount." },
      occurredAt: instant,
    },
  },
  OrderCancelledEvent: {
    type: "object",
    additionalProperties: false,
    required: ["type", "merchant", "externalId", "occurredAt"],
    properties: { type: { const: "CANCELLED" }, merchant: slug, externalId: identifier, sequence: { const: 0, default: 0 }, occurredAt: instant },
  },
  OrderEvent: {
    oneOf: [{ $ref: "#/components/schemas/OrderCreatedEvent" }, { $ref: "#/components/schemas/OrderRefundedEvent" }, { $ref: "#/components/schemas/OrderCancelledEvent" }],
    discriminator: { propertyName: "type" },
  },
  ScreenReadSessionEvent: {
    type: "object",
    additionalProperties: false,
    required: ["merchant", "externalId", "agent", "pagePath", "steps", "outcome", "startedAt", "durationMs"],
    properties: {
      merchant: slug,
      externalId: identifier,
      agent: slug,
      pagePath: { type: "string", minLength: 1, maxLength: 512, pattern: "^/" },
      steps: { type: "integer", minimum: 0, maximum: 10000 },
      outcome: { enum: ["COMPLETED", "ELEMENT_NOT_FOUND", "POPUP_BLOCKED", "LAYOUT_CHANGED", "TIMEOUT", "USER_ABORTED", "PAYMENT_MISMATCH"] },
      orderExternalId: { ...identifier, description: "The order the session led to, if any (not checked: sessions may arrive first)." },
      startedAt: instant,
      durationMs: { type: "integer", minimum: 0, maximum: 86400000 },
    },
  },
  BatchReport: {
    type: "object",
    required: ["accepted", "duplicates", "conflicts", "rejected", "results"],
    properties: {
      accepted: { type: "integer" },
      duplicates: { type: "integer" },
      conflicts: { type: "integer" },
      rejected: { type: "integer" },
      results: {
        type: "array",
        description: "One entry per event of the batch, by index.",
        items: {
          type: "object",
          required: ["index", "status"],
          properties: {
            index: { type: "integer" },
            status: { enum: ["accepted", "duplicate", "conflict", "rejected"] },
            errors: {
              type: "array",
              items: { type: "object", required: ["path", "message"], properties: { path: { type: "string", description: "Field inside the event; empty for the whole event." }, message: { type: "string" } } },
            },
          },
        },
      },
    },
  },
} as const;

const batchOf = (item: string) => ({
  required: true,
  content: {
    "application/json": {
      schema: { type: "object", additionalProperties: false, required: ["events"], properties: { events: { type: "array", minItems: 1, maxItems: 1000, items: { $ref: `#/components/schemas/${item}` } } } },
    },
  },
});

const reportContent = { "application/json": { schema: { $ref: "#/components/schemas/BatchReport" } } };
const batchResponses = {
  "200": { description: "At least one event was accepted or is a duplicate; see each result.", content: reportContent },
  "400": { $ref: "#/components/responses/BadRequest" },
  "401": { $ref: "#/components/responses/Unauthorized" },
  "403": { $ref: "#/components/responses/Forbidden" },
  "409": { description: "No event accepted or duplicate, and at least one conflicts with a stored event of the same identity.", content: reportContent },
  "413": { $ref: "#/components/responses/TooLarge" },
  "422": { description: "Every event was rejected; see each result's errors.", content: reportContent },
  "429": { $ref: "#/components/responses/RateLimited" },
} as const;

export const ingestionPaths = {
  "/api/v1/events/orders": {
    post: {
      operationId: "ingestOrderEvents",
      tags: ["ingestion"],
      summary: "Ingest a batch of order events",
      description:
        "Up to 1,000 events (CREATED, REFUNDED, CANCELLED), in one transaction. An event is identified by (merchant, externalId, type, sequence): re-sending it is a `duplicate` and changes nothing; the same identity with a different body is a `conflict`. Bad events are `rejected` with their field errors while the others are kept. A refund or cancellation of an order that is not known yet is rejected (send the CREATED event first, then re-send). The fee is computed at ingest from the revenue-share rule in effect at occurredAt; refunds give back a proportional part of it (half-to-even on the running total).",
      security: [{ platformIngestKey: [] }],
      requestBody: batchOf("OrderEvent"),
      responses: batchResponses,
    },
  },
  "/api/v1/events/screen-reads": {
    post: {
      operationId: "ingestScreenReadSessions",
      tags: ["ingestion"],
      summary: "Ingest a batch of screen-read sessions",
      description: "Up to 1,000 sessions, identified by (merchant, externalId); same duplicate, conflict and rejection rules as orders.",
      security: [{ platformIngestKey: [] }],
      requestBody: batchOf("ScreenReadSessionEvent"),
      responses: batchResponses,
    },
  },
} as const;
