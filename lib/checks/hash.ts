import { canonicalJson, sha256Hex } from "../canonical-json";
import type { OperationDefinition } from "../integrations/definition";

export { canonicalJson, sha256Hex };

// Approval is bound to the hash of the tool list, so it must not depend on key order or on
// the order a server happens to list tools in — only on what an agent would see.

/** The parts of an MCP tool (as returned by tools/list) that the hash covers. */
export type HashableTool = {
  name?: unknown;
  title?: unknown;
  description?: unknown;
  inputSchema?: unknown;
  outputSchema?: unknown;
  annotations?: unknown;
  _meta?: unknown;
};

function sortedHash(items: unknown[]): string {
  const lines = items.map(canonicalJson).sort();
  return sha256Hex(`[${lines.join(",")}]`);
}

/** sha256 (hex) of an MCP tool list: names, titles, descriptions, schemas, annotations, _meta. */
export function toolListHash(tools: readonly HashableTool[]): string {
  return sortedHash(
    tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema,
      outputSchema: t.outputSchema,
      annotations: t.annotations,
      _meta: t._meta,
    })),
  );
}

/** sha256 (hex) of a Skill's operations, every field included. */
export function operationListHash(operations: readonly OperationDefinition[]): string {
  return sortedHash([...operations]);
}
