// Is a version riskier than the live one? Decides whether a rollback to an earlier approved
// version is immediate or goes through review again. Pure.
//
// Riskier means any of:
//  - it has a destructive or money-moving operation the live one lacks (a new operation, or an
//    annotation flip toward destructive / moves money on an existing one);
//  - an operation loses its read-only or needs-confirmation declaration;
//  - it has more operations than the live one;
//  - its MCP endpoint differs from the live one's.
// Removing operations, changing texts or schemas alone is not riskier: the older version was
// approved with exactly those.
import { diffVersions, type DiffOperation, type RiskFlag } from "./diff";

export type RiskReason = RiskFlag | "moreOperations" | "endpointChanged";

export type RiskComparison = { riskier: boolean; reasons: RiskReason[] };

type Side = { operations: DiffOperation[]; endpointUrl?: string | null };

export function compareRisk(live: Side, candidate: Side): RiskComparison {
  const diff = diffVersions(live, candidate);
  const reasons = new Set<RiskReason>(diff.operations.flatMap((op) => op.flags));
  if (candidate.operations.length > live.operations.length) reasons.add("moreOperations");
  if (diff.endpoint) reasons.add("endpointChanged");
  const ordered = [...reasons].sort();
  return { riskier: ordered.length > 0, reasons: ordered };
}

/** A rollback is immediate only when not riskier and the live version is not suspended. */
export function rollbackIsImmediate(risk: RiskComparison, liveStatus: string): boolean {
  return !risk.riskier && liveStatus === "LIVE";
}
