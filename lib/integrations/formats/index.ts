// One definition, every ecosystem: the entry points the export route and the import action use.
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import { exportA2aAgentCard } from "@/lib/integrations/formats/a2a-agent-card";
import type { ImportResult } from "@/lib/integrations/formats/import-issues";
import { exportMcpServerJson } from "@/lib/integrations/formats/mcp-server-json";
import { importMcpToolList, parseMcpToolList } from "@/lib/integrations/formats/mcp-tools";
import type { NamingOptions } from "@/lib/integrations/formats/naming";
import { exportOpenApi } from "@/lib/integrations/formats/openapi";
import { exportWechatManifest, importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";
import type { IntegrationImportInput } from "@/lib/validation/integration-import";

export { FormatExportError } from "@/lib/integrations/formats/export-error";
export type { ImportIssue, ImportResult } from "@/lib/integrations/formats/import-issues";

export const exportFormats = ["mcp-server-json", "a2a-agent-card", "openapi", "wechat-mcp-json"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (exportFormats as readonly string[]).includes(value);
}

export type ExportOptions = NamingOptions & {
  /** Public origin of Skillgate, e.g. `https://skillgate.example` (hosted gateway URLs). */
  baseUrl: string;
};

export type ExportedDocument = { filename: string; contentType: string; body: object };

/**
 * The definition in `format`. Throws `FormatExportError` (with a merchant-readable message)
 * when the definition cannot be expressed, e.g. an MCP server without an endpoint URL.
 */
export function exportIntegration(
  definition: IntegrationDefinition,
  format: ExportFormat,
  options: ExportOptions,
): ExportedDocument {
  // File names are the ones each ecosystem looks for.
  switch (format) {
    case "mcp-server-json":
      return json("server.json", exportMcpServerJson(definition, options));
    case "a2a-agent-card":
      return json("agent-card.json", exportA2aAgentCard(definition, options));
    case "openapi":
      return json("openapi.json", exportOpenApi(definition, options));
    case "wechat-mcp-json":
      return json("mcp.json", exportWechatManifest(definition));
  }
}

function json(filename: string, body: object): ExportedDocument {
  return { filename, contentType: "application/json", body };
}

export type ImportContext = {
  merchant: IntegrationDefinition["merchant"];
  /** The merchant's lower-case category, given to the new integration. */
  category?: string;
};

/**
 * A new draft definition from a checked import request. For `mcp-tools` without a payload the
 * caller fetches the live tool list first and passes it as `payload`.
 */
export function importIntegration(
  input: IntegrationImportInput,
  context: ImportContext,
): ImportResult<IntegrationDefinition> {
  if (input.format === "wechat-mcp-json")
    return importWechatManifest(input.payload, { merchant: context.merchant, name: input.name, category: context.category });

  if (input.payload === undefined)
    return { ok: false, errors: [{ path: "payload", message: "is required: the tool list could not be fetched" }] };
  let payload: unknown = input.payload;
  if (typeof payload === "string") {
    try {
      payload = JSON.parse(payload);
    } catch (error) {
      return { ok: false, errors: [{ path: "payload", message: `is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const tools = parseMcpToolList(payload);
  if (!tools.ok) return tools;
  return {
    ok: true,
    definition: importMcpToolList(tools.tools, {
      merchant: context.merchant,
      name: input.name,
      description: input.description,
      endpointUrl: input.endpointUrl,
      transport: input.transport,
      category: context.category,
    }),
  };
}
