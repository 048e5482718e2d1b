import type { JsonSchema, OperationAnnotations, OperationDefinition } from "../integrations/definition";

// Maps a tool from MCP `tools/list` to the shared OperationDefinition.
//   annotations.readOnlyHint → readOnly, destructiveHint → destructive, idempotentHint → idempotent
// MCP has no annotation for money or user confirmation, so Skillgate reads them from the tool's
// `_meta` under its own prefix (MCP reserves un-prefixed `_meta` keys):
//   _meta["skillgate/movesMoney"]: boolean
//   _meta["skillgate/needsConfirmation"]: boolean
//   _meta["skillgate/examplePrompts"]: string[]
// A hint that is absent or not a boolean stays `undefined` ("not set explicitly").
// Schemas are kept exactly as the server sent them, even when malformed, so rules can report them.

export type McpToolLike = Record<string, unknown>;

export const META_MOVES_MONEY = "skillgate/movesMoney";
export const META_NEEDS_CONFIRMATION = "skillgate/needsConfirmation";
export const META_EXAMPLE_PROMPTS = "skillgate/examplePrompts";

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function bool(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function mcpToolToOperation(tool: McpToolLike): OperationDefinition {
  const hints = record(tool.annotations);
  const meta = record(tool._meta);
  const annotations: OperationAnnotations = {
    readOnly: bool(hints.readOnlyHint),
    destructive: bool(hints.destructiveHint),
    idempotent: bool(hints.idempotentHint),
    movesMoney: bool(meta[META_MOVES_MONEY]),
    needsConfirmation: bool(meta[META_NEEDS_CONFIRMATION]),
  };
  const prompts = meta[META_EXAMPLE_PROMPTS];
  const operation: OperationDefinition = {
    name: str(tool.name) ?? "",
    title: str(tool.title) ?? str(hints.title) ?? "",
    description: str(tool.description) ?? "",
    inputSchema: tool.inputSchema as JsonSchema,
    annotations,
    examplePrompts: Array.isArray(prompts) ? prompts.filter((p): p is string => typeof p === "string") : [],
  };
  if (tool.outputSchema !== undefined) operation.outputSchema = tool.outputSchema as JsonSchema;
  const metadata: Record<string, unknown> = {};
  if (typeof hints.openWorldHint === "boolean") metadata.openWorld = hints.openWorldHint;
  if (Object.keys(meta).length > 0) metadata.mcpMeta = meta;
  if (Object.keys(metadata).length > 0) operation.metadata = metadata;
  return operation;
}
