// Did a live MCP server's tool list drift from the approved one, and is the drift dangerous
// enough to suspend the integration until a reviewer looks? Pure.
//
// Drift: the hash of the current listing (lib/checks/hash.ts, the hash approval binds to) differs
// from the hash of the approved listing. What changed comes from the review diff (lib/review/diff.ts) over the
// tools read as operations (lib/checks/mcp-tool-to-operation.ts). Suspend when a new tool, or a
// changed one, is destructive or moves money as it reads now: a changed text or schema on such a
// tool can change what an agent does with it just as much as a new tool can.
import { toolListHash } from "@/lib/checks/hash";
import { mcpToolToOperation, type McpToolLike } from "@/lib/checks/mcp-tool-to-operation";
import { diffVersions } from "@/lib/review/diff";

export type RiskyTool = { name: string; change: "added" | "changed"; destructive: boolean; movesMoney: boolean };

export type DriftDecision =
  | { drift: false; hash: string }
  | {
      drift: true;
      hash: string;
      approvedHash: string;
      added: string[];
      removed: string[];
      changed: string[];
      risky: RiskyTool[];
      suspend: boolean;
    };

export function decideDrift({
  approvedHash,
  approvedTools,
  currentTools,
}: {
  /**
   * IntegrationVersion.toolListHash of the live version. The baseline is the stored tool list
   * itself (the exact listing that was hashed at validation); the stored hash is the fallback
   * for a version whose tools were not kept.
   */
  approvedHash: string | null;
  approvedTools: readonly McpToolLike[];
  currentTools: readonly McpToolLike[];
}): DriftDecision {
  const hash = toolListHash(currentTools);
  const baseHash = approvedTools.length > 0 || approvedHash === null ? toolListHash(approvedTools) : approvedHash;
  if (hash === baseHash) return { drift: false, hash };

  const diff = diffVersions({ operations: approvedTools.map(mcpToolToOperation) }, { operations: currentTools.map(mcpToolToOperation) });
  const names = (kind: "added" | "removed" | "changed") => diff.operations.filter((op) => op.kind === kind).map((op) => op.name).sort();
  const risky: RiskyTool[] = [];
  for (const op of diff.operations) {
    if (op.kind === "removed") continue;
    const destructive = op.after.annotations.destructive === true;
    const movesMoney = op.after.annotations.movesMoney === true;
    if (destructive || movesMoney) risky.push({ name: op.name, change: op.kind, destructive, movesMoney });
  }
  // A change the diff does not show (e.g. other _meta keys, the tool order is not one) still
  // moved the hash: report the tools whose full entry differs.
  const changed = names("changed");
  if (diff.operations.length === 0) {
    const before = new Map(approvedTools.map((t) => [String(t.name), toolListHash([t])]));
    for (const tool of currentTools) if (before.get(String(tool.name)) !== toolListHash([tool])) changed.push(String(tool.name));
  }
  risky.sort((x, y) => x.name.localeCompare(y.name));
  return { drift: true, hash, approvedHash: baseHash, added: names("added"), removed: names("removed"), changed: [...new Set(changed)].sort(), risky, suspend: risky.length > 0 };
}
