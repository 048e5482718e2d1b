// The MCP registry's `server.json` (schema 2025-12-11) for an integration: a remote-only server.
//
// Name: `cn.skillgate.<merchant-slug>/<integration-slug>` (see naming.ts), published under
// Skillgate's own DNS namespace. An MCP server points at its own endpoint. A Skill has no MCP
// endpoint: it is published as a remote at Skillgate's hosted MCP gateway,
// `${baseUrl}/mcp/<merchant-slug>/<integration-slug>` — a gateway that does not exist yet, so
// the export says so in `_meta` and needs `baseUrl`.
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import { FormatExportError } from "@/lib/integrations/formats/export-error";
import {
  gatewayUrl,
  registryName,
  semanticVersion,
  truncate,
  type NamingOptions,
} from "@/lib/integrations/formats/naming";

export const serverJsonSchemaUrl = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
/** The only `_meta` key the official registry accepts from publishers. */
export const publisherMetaKey = "io.modelcontextprotocol.registry/publisher-provided";

export type ServerJsonRemote = { type: "streamable-http" | "sse"; url: string };

export type ServerJson = {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  remotes: ServerJsonRemote[];
  _meta: Record<string, Record<string, unknown>>;
};

export type McpServerJsonOptions = NamingOptions & {
  /** Public origin of Skillgate, e.g. `https://skillgate.example`; required for a Skill. */
  baseUrl?: string;
};

// Registry limits: title and description 1-100 characters.
const maxText = 100;

export function exportMcpServerJson(definition: IntegrationDefinition, options: McpServerJsonOptions = {}): ServerJson {
  const remote = remoteFor(definition, options);
  return {
    $schema: serverJsonSchemaUrl,
    name: registryName(definition, options),
    title: truncate(definition.name.trim() || definition.merchant.name, maxText),
    description: truncate(definition.description.trim() || definition.name.trim() || "MCP server", maxText),
    version: semanticVersion(definition),
    remotes: [remote],
    _meta: {
      [publisherMetaKey]: {
        skillgate: {
          kind: definition.kind,
          merchant: definition.merchant.slug,
          category: definition.category,
          tools: definition.operations.map((operation) => operation.name),
          ...(definition.kind === "SKILL" ? { hostedGateway: true } : {}),
        },
      },
    },
  };
}

function remoteFor(definition: IntegrationDefinition, options: McpServerJsonOptions): ServerJsonRemote {
  if (definition.kind === "MCP_SERVER") {
    if (!definition.endpointUrl || !/^https?:\/\/\S+$/.test(definition.endpointUrl))
      throw new FormatExportError("mcp-server-json", "the MCP server has no http(s) endpoint URL to publish");
    return { type: definition.transport === "SSE" ? "sse" : "streamable-http", url: definition.endpointUrl };
  }
  if (!options.baseUrl || !/^https?:\/\/\S+$/.test(options.baseUrl))
    throw new FormatExportError(
      "mcp-server-json",
      "a Skill is published through Skillgate's hosted MCP gateway, which needs the platform's base URL",
    );
  return { type: "streamable-http", url: gatewayUrl(options.baseUrl, "mcp", definition, options) };
}
