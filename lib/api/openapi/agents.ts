// The agent runtime's routes: GET /api/v1/policy/decision, GET /api/v1/merchants/{slug}/agent-policy.json
// and GET /api/v1/registry. Mirrors lib/validation/policy.ts, lib/policy/types.ts,
// lib/policy-runtime/agent-policy-document.ts and lib/policy-runtime/registry.ts; the route tests
// validate real responses against these schemas (tests/api/openapi-responses.int.test.ts).
import { exportFormats } from "@/lib/integrations/formats";
import { EXPORT_FORMATS } from "@/lib/policy-runtime/registry-formats";

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const slug = { type: "string", minLength: 1, maxLength: 64 } as const;
const effect = { enum: ["ALLOW", "DENY"] } as const;
const visibility = { enum: ["PUBLIC", "ALLOWLIST", "PRIVATE"] } as const;
const agentRule = {
  type: "object",
  additionalProperties: false,
  required: ["id", "effect", "agent"],
  properties: { id: { type: "string" }, effect, agent: { type: ["string", "null"], description: "Agent slug." } },
} as const;
const notFound = { description: "Unknown merchant or agent.", content: json("Error") };
const refused = { description: "Wrong key kind or scope, another agent's key, a suspended merchant or a disabled agent.", content: json("Error") };

export const agentSchemas = {
  PolicyDecision: {
    type: "object",
    additionalProperties: false,
    required: ["allow", "decision", "action", "reason", "rule", "policyVersion", "ttlSeconds", "merchant", "agent"],
    properties: {
      allow: { type: "boolean" },
      decision: { enum: ["allow", "deny"] },
      action: { enum: ["screen_read", "skill_call"] },
      reason: {
        enum: [
          "default_allow", "path_allowed", "agent_allowed", "integration_public", "integration_allowlisted", "integration_private_test_agent",
          "screen_reading_disabled", "agent_denied", "path_denied", "invalid_path", "unknown_integration", "integration_not_live",
          "integration_private", "integration_not_allowlisted",
        ],
        description: "Stable machine code of why; branch on this, not on the text of anything.",
      },
      rule: {
        oneOf: [
          {
            type: "object",
            additionalProperties: false,
            required: ["id", "kind", "pattern"],
            properties: { id: { type: "string" }, kind: { enum: ["PATH", "AGENT_SCREEN_READ", "AGENT_SKILL_CALL"] }, pattern: { type: ["string", "null"] } },
          },
          { type: "null" },
        ],
        description: "The visibility rule that decided; null when a setting or the integration itself decided.",
      },
      policyVersion: { type: "integer", minimum: 0 },
      ttlSeconds: { type: "integer", minimum: 1, description: "How long the caller may reuse this answer (also sent as Cache-Control max-age)." },
      path: { type: "string", description: "screen_read: the canonical path decided about (absent when the path was invalid)." },
      integrationId: { type: "string", description: "skill_call: the integration asked about." },
      merchant: slug,
      agent: slug,
    },
  },
  AgentPolicyDocument: {
    type: "object",
    required: ["$schema", "merchant", "policyVersion", "dataSharing", "screenReading", "skillCalls", "semantics", "decisionEndpoint", "ttlSeconds"],
    properties: {
      $schema: { type: "string", format: "uri" },
      merchant: slug,
      policyVersion: { type: "integer", minimum: 0 },
      dataSharing: { enum: ["NONE", "ORDER_STATUS", "ORDER_DETAILS"] },
      screenReading: {
        type: "object",
        additionalProperties: false,
        required: ["allowed", "pathRules", "agentRules"],
        properties: {
          allowed: { type: "boolean" },
          pathRules: {
            type: "array",
            items: { type: "object", additionalProperties: false, required: ["id", "effect", "pattern"], properties: { id: { type: "string" }, effect, pattern: { type: "string" } } },
          },
          agentRules: { type: "array", items: agentRule },
        },
      },
      skillCalls: {
        type: "object",
        additionalProperties: false,
        required: ["agentRules", "integrations"],
        properties: {
          agentRules: { type: "array", items: agentRule },
          integrations: {
            type: "array",
            description: "Live integrations; PRIVATE ones only in the document written for a test agent.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", "name", "visibility"],
              properties: { id: { type: "string" }, name: { type: "string" }, visibility, allowedAgents: { type: "array", items: { type: ["string", "null"] } } },
            },
          },
        },
      },
      semantics: { type: "object", additionalProperties: { type: "string" }, description: "How to apply the rules, in words." },
      decisionEndpoint: { type: "string" },
      ttlSeconds: {
        type: "object",
        additionalProperties: false,
        required: ["allow", "deny"],
        properties: { allow: { type: "integer" }, deny: { type: "integer" } },
      },
    },
  },
  Registry: {
    type: "object",
    additionalProperties: false,
    required: ["agent", "count", "integrations"],
    properties: {
      agent: slug,
      count: { type: "integer", minimum: 0 },
      integrations: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "merchant", "merchantName", "name", "kind", "category", "description", "version", "liveSince", "links"],
          properties: {
            id: { type: "string" },
            merchant: slug,
            merchantName: { type: "string" },
            name: { type: "string" },
            kind: { enum: ["MCP_SERVER", "SKILL"] },
            category: { type: "string" },
            description: { type: ["string", "null"] },
            version: { type: ["integer", "null"] },
            liveSince: { type: ["string", "null"], format: "date-time" },
            links: {
              type: "object",
              additionalProperties: false,
              required: ["export", "policy"],
              properties: {
                export: {
                  type: "object",
                  additionalProperties: false,
                  required: [...EXPORT_FORMATS],
                  properties: Object.fromEntries(EXPORT_FORMATS.map((f) => [f, { type: "string" }])),
                },
                policy: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
} as const;

const queryParam = (name: string, description: string, schema: object, required = false) => ({ name, in: "query", required, description, schema });

export const agentPaths = {
  "/api/v1/policy/decision": {
    get: {
      tags: ["policy"],
      operationId: "decidePolicy",
      summary: "May this agent screen-read this page, or call this integration, of this merchant?",
      description:
        "Ask before acting. Answered from an in-memory compiled policy; a merchant's change applies to the next decision on the instance that made it and within about a second on the others. HEAD is answered too.",
      security: [{ agentKey: [] }],
      parameters: [
        queryParam("merchant", "Merchant slug.", slug, true),
        queryParam("agent", "Your agent's slug (an agent key may ask only about its own agent).", slug, true),
        queryParam("action", "What the agent wants to do.", { enum: ["screen_read", "skill_call"] }, true),
        queryParam("path", "screen_read: the page path, e.g. /checkout/pay.", { type: "string" }),
        queryParam("integration", "skill_call: the integration id.", { type: "string", maxLength: 128 }),
      ],
      responses: {
        "200": {
          description: "The decision, allowed or denied (a denial is an answer, not an error).",
          headers: { "Cache-Control": { description: "private, max-age = ttlSeconds", schema: { type: "string" } } },
          content: json("PolicyDecision"),
        },
        "400": { description: "A missing or malformed parameter (e.g. path missing for screen_read).", content: json("Error") },
        "401": { $ref: "#/components/responses/Unauthorized" },
        "403": refused,
        "404": notFound,
      },
    },
  },
  "/api/v1/merchants/{slug}/agent-policy.json": {
    get: {
      tags: ["policy"],
      operationId: "getAgentPolicy",
      summary: "A merchant's visibility rules, for runtimes that apply them themselves.",
      security: [{ agentKey: [] }],
      parameters: [
        { name: "slug", in: "path", required: true, description: "Merchant slug.", schema: slug },
        { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer.", schema: { type: "string" } },
      ],
      responses: {
        "200": { description: "The policy document.", headers: { ETag: { description: "Changes with the policy version and the audience.", schema: { type: "string" } } }, content: json("AgentPolicyDocument") },
        "304": { description: "Unchanged since the ETag sent in If-None-Match." },
        "401": { $ref: "#/components/responses/Unauthorized" },
        "403": refused,
        "404": notFound,
      },
    },
  },
  "/api/v1/registry": {
    get: {
      tags: ["registry"],
      operationId: "listRegistry",
      summary: "The live integrations the calling agent may use, across merchants.",
      description: "Exactly the integrations a skill_call decision would allow for this agent right now.",
      security: [{ agentKey: [] }],
      responses: {
        "200": { description: "The calling agent's registry.", content: json("Registry") },
        "401": { $ref: "#/components/responses/Unauthorized" },
        "403": refused,
      },
    },
  },
  "/api/v1/integrations/{id}/export": {
    get: {
      tags: ["registry"],
      operationId: "exportIntegration",
      summary: "An integration's live version in another ecosystem's format (the registry links here).",
      description: "With an agent key: integrations the registry shows the agent. With a merchant analytics key: the merchant's own integrations.",
      security: [{ agentKey: [] }, { merchantAnalyticsKey: [] }],
      parameters: [
        { name: "id", in: "path", required: true, description: "Integration id.", schema: { type: "string" } },
        queryParam("format", "The document format.", { enum: [...exportFormats] }, true),
        queryParam("version", "Merchant keys only: a version number (default: the live version, else the newest).", { type: "integer", minimum: 1 }),
      ],
      responses: {
        "200": {
          description: "The document, as an attachment (Content-Disposition names the file).",
          content: { "application/json": { schema: { type: "object" } } },
        },
        "400": { description: "A missing or unknown format, or a malformed version.", content: json("Error") },
        "401": { $ref: "#/components/responses/Unauthorized" },
        "403": refused,
        "404": { description: "No such integration for this key, or no live version.", content: json("Error") },
        "422": { description: "The definition cannot be expressed in this format; the message says why.", content: json("Error") },
      },
    },
  },
} as const;
