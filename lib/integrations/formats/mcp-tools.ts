// A live MCP server's `tools/list` answer as an integration definition (kind MCP_SERVER), and back.
// Hints map to annotations (`readOnlyHint` → readOnly, ...); moving money and needing the user's
// confirmation come from `_meta["skillgate/movesMoney" | "skillgate/needsConfirmation"]`.
import { z } from "zod";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { IntegrationDefinition, JsonSchema, OperationDefinition } from "@/lib/integrations/definition";
import { issuesFromZod, requiredOr, type ImportIssue } from "@/lib/integrations/formats/import-issues";
import {
  annotationsFromMcp,
  examplePromptsMetaKey,
  isEmpty,
  isRecord,
  mappedHintKeys,
  mcpHints,
  omitKeys,
  skillgateMeta,
  skillgateMetaKeys,
  withoutUndefined,
} from "@/lib/integrations/formats/mcp-annotations";

const objectSchema = z.looseObject(
  { type: z.literal("object", { error: requiredOr('must be "object"') }) },
  { error: requiredOr("must be an object") },
);
const hint = z.boolean({ error: "must be true or false" }).optional();

/** One tool as `tools/list` returns it; unknown fields are allowed and kept. */
export const mcpToolSchema = z.looseObject(
  {
    name: z.string({ error: requiredOr("must be a string") }).min(1, "must not be empty").max(128, "must be at most 128 characters"),
    title: z.string({ error: "must be a string" }).optional(),
    description: z.string({ error: "must be a string" }).optional(),
    inputSchema: objectSchema,
    outputSchema: objectSchema.optional(),
    annotations: z
      .looseObject(
        {
          title: z.string({ error: "must be a string" }).optional(),
          readOnlyHint: hint,
          destructiveHint: hint,
          idempotentHint: hint,
          openWorldHint: hint,
        },
        { error: "must be an object" },
      )
      .optional(),
    _meta: z.record(z.string(), z.unknown(), { error: "must be an object" }).optional(),
  },
  { error: "must be an object" },
);

export const mcpToolListSchema = z
  .array(mcpToolSchema, { error: requiredOr("must be an array") })
  .min(1, "must list at least one tool")
  .superRefine((tools, ctx) => {
    const seen = new Map<string, number>();
    tools.forEach((tool, index) => {
      const earlier = seen.get(tool.name);
      if (earlier === undefined) seen.set(tool.name, index);
      else ctx.addIssue({ code: "custom", path: [index, "name"], message: `duplicate tool name "${tool.name}" (also tools[${earlier}])` });
    });
  });

/**
 * Checks a pasted tool list: either the `tools/list` result (`{ tools: [...] }`) or the bare
 * array. Error paths read `tools[1].inputSchema.type`.
 */
export function parseMcpToolList(json: unknown): { ok: true; tools: Tool[] } | { ok: false; errors: ImportIssue[] } {
  const list = isRecord(json) && "tools" in json ? json.tools : json;
  const parsed = mcpToolListSchema.safeParse(list);
  if (parsed.success) return { ok: true, tools: parsed.data as Tool[] };
  return {
    ok: false,
    errors: issuesFromZod(parsed.error).map((issue) => ({
      path: issue.path ? `tools${issue.path.startsWith("[") ? "" : "."}${issue.path}` : "tools",
      message: issue.message,
    })),
  };
}

export type McpImportOptions = {
  merchant: IntegrationDefinition["merchant"];
  name: string;
  endpointUrl: string;
  transport: NonNullable<IntegrationDefinition["transport"]>;
  description?: string;
  /** Lower-case merchant category; defaults to "other". */
  category?: string;
};

const knownToolKeys = ["name", "title", "description", "inputSchema", "outputSchema", "annotations", "_meta"];

export function importMcpToolList(tools: readonly Tool[], options: McpImportOptions): IntegrationDefinition {
  return {
    kind: "MCP_SERVER",
    name: options.name,
    description: options.description ?? "",
    category: options.category ?? "other",
    merchant: options.merchant,
    version: 1,
    endpointUrl: options.endpointUrl,
    transport: options.transport,
    operations: tools.map(operationFromTool),
  };
}

function operationFromTool(tool: Tool): OperationDefinition {
  const hints: Record<string, unknown> = tool.annotations ?? {};
  const meta: Record<string, unknown> = tool._meta ?? {};
  const prompts = meta[examplePromptsMetaKey];
  // What has no field of its own (openWorldHint, icons, execution, other _meta) is kept for export.
  const mcp = withoutUndefined({
    tool: nonEmpty(omitKeys(tool, knownToolKeys)),
    annotations: nonEmpty(omitKeys(hints, [...mappedHintKeys, "title"])),
    meta: nonEmpty(omitKeys(meta, skillgateMetaKeys)),
  });
  return {
    name: tool.name,
    title: tool.title ?? tool.annotations?.title ?? tool.name,
    description: tool.description ?? "",
    inputSchema: tool.inputSchema as JsonSchema,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as JsonSchema } : {}),
    annotations: annotationsFromMcp(hints, meta),
    examplePrompts: Array.isArray(prompts) ? prompts.filter((p): p is string => typeof p === "string") : [],
    ...(isEmpty(mcp) ? {} : { metadata: { mcp } }),
  };
}

/** The MCP tools for a definition, as a gateway would list them (title, hints, Skillgate `_meta`). */
export function mcpToolsFromDefinition(definition: IntegrationDefinition): Tool[] {
  return definition.operations.map((operation) => {
    const stored = isRecord(operation.metadata?.mcp) ? operation.metadata.mcp : {};
    const hints = { ...(isRecord(stored.annotations) ? stored.annotations : {}), ...mcpHints(operation.annotations) };
    const meta = {
      ...(isRecord(stored.meta) ? stored.meta : {}),
      ...skillgateMeta(operation.annotations),
      ...(operation.examplePrompts.length ? { [examplePromptsMetaKey]: operation.examplePrompts } : {}),
    };
    return {
      ...(isRecord(stored.tool) ? stored.tool : {}),
      name: operation.name,
      ...(operation.title && operation.title !== operation.name ? { title: operation.title } : {}),
      ...(operation.description ? { description: operation.description } : {}),
      inputSchema: operation.inputSchema as Tool["inputSchema"],
      ...(operation.outputSchema ? { outputSchema: operation.outputSchema as Tool["outputSchema"] } : {}),
      ...(isEmpty(hints) ? {} : { annotations: hints }),
      ...(isEmpty(meta) ? {} : { _meta: meta }),
    };
  });
}

function nonEmpty(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return isEmpty(value) ? undefined : value;
}
