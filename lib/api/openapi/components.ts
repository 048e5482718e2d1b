// Pieces every public route shares: security schemes, the error body, reusable responses.

export const securitySchemes = {
  platformIngestKey: { type: "http", scheme: "bearer", description: "A platform ingest key (`sg_ingest_…`), also accepted as `X-Api-Key`." },
  agentKey: { type: "http", scheme: "bearer", description: "An agent key (`sg_agent_…`)." },
  merchantAnalyticsKey: { type: "http", scheme: "bearer", description: "A merchant analytics key (`sg_analytics_…`)." },
} as const;

export const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable machine-readable code, e.g. `invalid_batch`." },
        message: { type: "string", description: "What went wrong and what to do about it." },
      },
      additionalProperties: true,
    },
  },
} as const;

const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

export const commonResponses = {
  Unauthorized: { description: "Missing, unknown, revoked or (outside demo mode) demo key.", content: errorContent },
  Forbidden: { description: "A key of another kind.", content: errorContent },
  BadRequest: { description: "The request is not well formed.", content: errorContent },
  TooLarge: { description: "The body is larger than 2 MiB (counted while reading, whatever Content-Length says).", content: errorContent },
  RateLimited: {
    description: "The key sent more events than its limit allows (token bucket per key per server instance).",
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
    content: errorContent,
  },
} as const;
