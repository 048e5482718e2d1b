// An OpenAPI 3.1 document for an integration: one operation per Skill operation (or MCP tool).
//
// Skill operation with a URL: method + path from the URL, server from its origin. The origin most
// operations share becomes the document's server; an operation on another origin carries its own
// `servers`. GET/DELETE take the input properties as query parameters, POST/PUT/PATCH take the
// input schema as a JSON body; `{name}` segments of the path become path parameters.
// Skill operation without a URL (a WeChat mini-program api): `POST /operations/<name>` on
// Skillgate's future hosted gateway `${baseUrl}/skills/<merchant>/<integration>`.
// MCP server: each tool is modelled as `POST /tools/<name>` against the endpoint, body = tool
// arguments, 200 = structured result. That mirrors `tools/call` for readers and code generators;
// the server itself speaks MCP (JSON-RPC), not these paths.
import type { HttpMethod, IntegrationDefinition, JsonSchema, OperationDefinition } from "@/lib/integrations/definition";
import { FormatExportError } from "@/lib/integrations/formats/export-error";
import { isRecord, withoutUndefined } from "@/lib/integrations/formats/mcp-annotations";
import { gatewayUrl, semanticVersion, type NamingOptions } from "@/lib/integrations/formats/naming";

export const openApiVersion = "3.1.0";
export const jsonSchemaDialect = "https://json-schema.org/draft/2020-12/schema";

export type OpenApiOptions = NamingOptions & {
  /** Public origin of Skillgate, e.g. `https://skillgate.example`. */
  baseUrl: string;
};

export type OpenApiDocument = {
  openapi: typeof openApiVersion;
  jsonSchemaDialect: typeof jsonSchemaDialect;
  info: Record<string, unknown>;
  servers: Array<{ url: string; description?: string }>;
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, unknown>>;
};

type Target = { server: string; path: string; method: HttpMethod };

const bodyMethods: readonly HttpMethod[] = ["POST", "PUT", "PATCH"];

export function exportOpenApi(definition: IntegrationDefinition, options: OpenApiOptions): OpenApiDocument {
  const targets = definition.operations.map((operation) => targetFor(definition, operation, options));
  const mainServer = mostCommon(targets.map((target) => target.server)) ?? options.baseUrl.replace(/\/+$/, "");

  const paths: OpenApiDocument["paths"] = {};
  const claimedBy = new Map<string, string>();
  definition.operations.forEach((operation, index) => {
    const target = targets[index]!;
    const key = `${target.method} ${target.path}`;
    const earlier = claimedBy.get(key);
    if (earlier !== undefined)
      throw new FormatExportError(
        "openapi",
        `operations "${earlier}" and "${operation.name}" are both ${key}; OpenAPI allows one operation per method and path`,
      );
    claimedBy.set(key, operation.name);
    const pathItem = (paths[target.path] ??= {});
    pathItem[target.method.toLowerCase()] = operationObject(definition, operation, target, mainServer);
  });

  return {
    openapi: openApiVersion,
    jsonSchemaDialect,
    info: withoutUndefined({
      title: definition.name,
      version: semanticVersion(definition),
      description: definition.description || undefined,
      "x-skillgate-kind": definition.kind,
      "x-skillgate-merchant": definition.merchant,
    }),
    servers: [{ url: mainServer }],
    ...(definition.category ? { tags: [{ name: definition.category }] } : {}),
    paths,
  };
}

function targetFor(definition: IntegrationDefinition, operation: OperationDefinition, options: OpenApiOptions): Target {
  const toolPath = `/tools/${encodeURIComponent(operation.name)}`;
  if (definition.kind === "MCP_SERVER") {
    if (!definition.endpointUrl)
      throw new FormatExportError("openapi", "the MCP server has no endpoint URL to describe");
    return { server: definition.endpointUrl.replace(/\/+$/, ""), path: toolPath, method: "POST" };
  }
  if (!operation.url)
    return {
      server: gatewayUrl(options.baseUrl, "skills", definition, options),
      path: `/operations/${encodeURIComponent(operation.name)}`,
      method: "POST",
    };
  // Not `new URL()`: it would percent-encode the `{param}` templates we need to keep.
  const match = /^(https?:\/\/[^/?#\s]+)(\/[^?#\s]*)?(?:\?[^#\s]*)?(?:#\S*)?$/i.exec(operation.url);
  if (!match)
    throw new FormatExportError("openapi", `operation "${operation.name}" has an URL that is not absolute http(s): ${operation.url}`);
  return { server: match[1]!, path: match[2] || "/", method: operation.httpMethod ?? "POST" };
}

function operationObject(
  definition: IntegrationDefinition,
  operation: OperationDefinition,
  target: Target,
  mainServer: string,
): Record<string, unknown> {
  const properties = isRecord(operation.inputSchema.properties) ? operation.inputSchema.properties : {};
  const required = Array.isArray(operation.inputSchema.required) ? operation.inputSchema.required : [];
  const pathNames = [...target.path.matchAll(/\{([^}]+)\}/g)].map((found) => found[1]!);
  const parameters = [
    ...pathNames.map((name) => parameter(name, "path", properties[name], true)),
    ...(bodyMethods.includes(target.method)
      ? []
      : Object.entries(properties)
          .filter(([name]) => !pathNames.includes(name))
          .map(([name, schema]) => parameter(name, "query", schema, required.includes(name)))),
  ];
  const annotations = withoutUndefined({ ...operation.annotations });
  return {
    operationId: operation.name,
    summary: operation.title || operation.name,
    ...(operation.description ? { description: operation.description } : {}),
    ...(definition.category ? { tags: [definition.category] } : {}),
    ...(target.server === mainServer ? {} : { servers: [{ url: target.server }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(bodyMethods.includes(target.method)
      ? { requestBody: { required: true, content: { "application/json": { schema: operation.inputSchema } } } }
      : {}),
    responses: {
      "200": {
        description: "Success",
        ...(operation.outputSchema ? { content: { "application/json": { schema: operation.outputSchema } } } : {}),
      },
    },
    "x-skillgate-annotations": annotations,
    ...(operation.examplePrompts.length ? { "x-skillgate-example-prompts": operation.examplePrompts } : {}),
    ...(isRecord(operation.metadata?.ui) ? { "x-skillgate-ui": operation.metadata.ui } : {}),
    // A fixed query string has no place in an OpenAPI path; keep the URL it came from.
    ...(operation.url && /[?#]/.test(operation.url) ? { "x-skillgate-url": operation.url } : {}),
  };
}

function parameter(name: string, location: "path" | "query", schema: unknown, required: boolean): Record<string, unknown> {
  const description = isRecord(schema) && typeof schema.description === "string" ? schema.description : undefined;
  return {
    name,
    in: location,
    required,
    ...(description ? { description } : {}),
    schema: isRecord(schema) || typeof schema === "boolean" ? (schema as JsonSchema | boolean) : { type: "string" },
  };
}

/** The most frequent value; the first seen wins a tie. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
