// The OpenAPI 3.1 document of Skillgate's public HTTP API, served at GET /api/v1/openapi.json.
// Each area contributes its paths and schemas from its own file next to this one; add yours to
// the marked places below.
import { commonResponses, errorSchema, securitySchemes } from "./components";
import { agentPaths, agentSchemas } from "./agents";
import { analyticsPaths, analyticsSchemas } from "./analytics";
import { ingestionPaths, ingestionSchemas } from "./ingestion";

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Skillgate public API",
      version: "1.0.0",
      description: "Ingestion for the platform's order pipeline, policy decisions and the registry for agent runtimes, attribution analytics for merchants. JSON; errors are `{ error: { code, message } }`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [
      { name: "ingestion", description: "Order and screen-read events from the platform (platform ingest key)." },
      { name: "policy", description: "Policy decisions and machine-readable policies for agent runtimes (agent key with `policy:read`)." },
      { name: "registry", description: "The live integrations an agent may use (agent key with `registry:read`)." },
      { name: "analytics", description: "Attribution numbers for merchants (merchant analytics key)." },
    ],
    paths: {
      ...ingestionPaths,
      ...agentPaths,
      ...analyticsPaths,
      // [export]    GET /api/v1/integrations/{id}/export — spread `exportPaths` here.
    },
    components: {
      securitySchemes,
      schemas: {
        Error: errorSchema,
        ...ingestionSchemas,
        ...agentSchemas,
        ...analyticsSchemas,
      },
      responses: commonResponses,
    },
  };
}
