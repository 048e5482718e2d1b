// The OpenAPI 3.1 document of Skillgate's public HTTP API, served at GET /api/v1/openapi.json.
// Each area contributes its paths and schemas from its own file next to this one; add yours to
// the marked places below.
import { commonResponses, errorSchema, securitySchemes } from "./components";
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
      // [policy] [registry] [export] [analytics]: add tags with the paths below.
    ],
    paths: {
      ...ingestionPaths,
      // [policy]    GET /api/v1/policy/decision, GET /api/v1/merchants/{slug}/agent-policy.json — spread `policyPaths` here.
      // [registry]  GET /api/v1/registry — spread `registryPaths` here.
      // [export]    GET /api/v1/integrations/{id}/export — spread `exportPaths` here.
      // [analytics] GET /api/v1/analytics/attribution — spread `analyticsPaths` here.
    },
    components: {
      securitySchemes,
      schemas: {
        Error: errorSchema,
        ...ingestionSchemas,
        // [policy] [registry] [export] [analytics]: spread each area's schemas here.
      },
      responses: commonResponses,
    },
  };
}
