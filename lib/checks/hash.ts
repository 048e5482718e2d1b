import { createHash } from "node:crypto";
import type { OperationDefinition } from "../integrations/definition";

// Approval is bound to the hash of the tool list, so it must not depend on key order or on
// the order a server happens to list tools in — only on what an agent would see.

/** JSON with object keys sorted (UTF-16 order, as RFC 8785), `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return "null";
    if (value === undefined || typeof value === "function" || typeof value === "symbol") return "null";
    if (typeof value === "bigint") return JSON.stringify(value.toString());
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

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
