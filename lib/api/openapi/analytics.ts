// The merchant analytics route: GET /api/v1/analytics/attribution. Mirrors
// lib/validation/attribution.ts and lib/attribution/report-json.ts; the route tests validate real
// responses against these schemas (tests/api/openapi-responses.int.test.ts).
import { groupBys, intervals } from "@/lib/attribution/view";
import { maxDaysFor } from "@/lib/validation/attribution";

const fen = { type: "string", pattern: "^-?[0-9]+$", description: "Fen as a decimal string (exact beyond 2^53)." } as const;
const date = { type: "string", format: "date", description: "A calendar day in Asia/Shanghai, 2000-01-01 to 2099-12-31." } as const;
const flag = { enum: ["true", "false", "1", "0", "on", "off"] } as const;

const metricProperties = {
  orders: { type: "integer", minimum: 0, description: "Orders not cancelled." },
  gmvFen: { ...fen, description: "Their amounts, in fen." },
  refundsFen: { ...fen, description: "Refunds, booked at the time of the original order." },
  netFen: { ...fen, description: "gmvFen − refundsFen." },
} as const;
const metricNames = ["orders", "gmvFen", "refundsFen", "netFen"] as const;

export const analyticsSchemas = {
  AttributionMetrics: { type: "object", additionalProperties: false, required: [...metricNames], properties: metricProperties },
  AttributionReport: {
    type: "object",
    additionalProperties: false,
    required: ["timeZone", "from", "to", "interval", "groupBy", "includeVerification", "totals", "previousPeriod", "groups", "series"],
    properties: {
      timeZone: { const: "Asia/Shanghai" },
      from: date,
      to: date,
      interval: { enum: [...intervals] },
      groupBy: { enum: [...groupBys] },
      includeVerification: { type: "boolean" },
      totals: { $ref: "#/components/schemas/AttributionMetrics" },
      previousPeriod: {
        type: "object",
        additionalProperties: false,
        required: ["from", "to", "totals"],
        description: "The period of equal length just before the view.",
        properties: { from: date, to: date, totals: { $ref: "#/components/schemas/AttributionMetrics" } },
      },
      groups: {
        type: "array",
        description: "One entry per value of the grouping (largest GMV first); the empty key collects orders without an agent or integration.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["key", "label", ...metricNames, "shareBps", "previous"],
          properties: {
            key: { type: "string" },
            label: { type: "string" },
            ...metricProperties,
            shareBps: { type: "integer", minimum: 0, maximum: 10000, description: "Share of the view's GMV in basis points; the groups add up to 10000." },
            previous: { $ref: "#/components/schemas/AttributionMetrics" },
          },
        },
      },
      series: {
        type: "array",
        description: "Every bucket of the view, zero-filled, with the metrics of every group key.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["bucket", "start", "values"],
          properties: {
            bucket: { type: "string", description: "YYYY-MM-DD (Shanghai) for day, week and month; an ISO instant for hour." },
            start: { type: "string", format: "date-time", description: "The bucket's first instant." },
            values: { type: "object", additionalProperties: { $ref: "#/components/schemas/AttributionMetrics" } },
          },
        },
      },
    },
  },
} as const;

const param = (name: string, description: string, schema: object) => ({ name, in: "query", required: false, description, schema });

export const analyticsPaths = {
  "/api/v1/analytics/attribution": {
    get: {
      tags: ["analytics"],
      operationId: "getAttribution",
      summary: "The merchant's orders and GMV by channel, agent, integration or payment method over time.",
      description: `The same numbers as the dashboard's attribution page, read from exact rollups. Ranges: at most ${maxDaysFor.hour} days for hourly buckets, ${maxDaysFor.day} otherwise. Verification micro-charges are left out unless includeVerification is true.`,
      security: [{ merchantAnalyticsKey: [] }],
      parameters: [
        param("from", "First day (default: 29 days before `to`).", date),
        param("to", "Last day, inclusive (default: today in Asia/Shanghai).", date),
        param("interval", "Bucket size (default day).", { enum: [...intervals] }),
        param("groupBy", "Dimension (default channel).", { enum: [...groupBys] }),
        param("includeVerification", "Count Token Pay verification micro-charges in GMV (default false).", flag),
        param("compare", "Accepted for parity with the page's URL; the previous period is always included.", flag),
      ],
      responses: {
        "200": { description: "The report.", content: { "application/json": { schema: { $ref: "#/components/schemas/AttributionReport" } } } },
        "400": { description: "An unknown parameter, a malformed value, or a range too long for the interval; `error.issues` names each.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        "401": { $ref: "#/components/responses/Unauthorized" },
        "403": { description: "A key of another kind, or an analytics key bound to no merchant.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    },
  },
} as const;
