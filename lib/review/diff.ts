// What changed between the live version and the one under review, operation by operation
// (matched by name). Pure; the review page renders it and lib/review/risk.ts judges it.
import { canonicalJson } from "@/lib/canonical-json";
import type { OperationAnnotations, OperationDefinition } from "@/lib/integrations/definition";

export type DiffOperation = Pick<OperationDefinition, "name" | "title" | "description" | "inputSchema" | "outputSchema" | "httpMethod" | "url" | "annotations">;

export const annotationKeys = ["readOnly", "destructive", "idempotent", "movesMoney", "needsConfirmation"] as const satisfies readonly (keyof OperationAnnotations)[];
export type AnnotationKey = (typeof annotationKeys)[number];

/** An annotation as a reviewer reads it: explicitly true, explicitly false, or not declared. */
export type Tri = true | false | null;
const tri = (value: boolean | undefined | null): Tri => (value === undefined || value === null ? null : value);

export type AnnotationFlip = { key: AnnotationKey; before: Tri; after: Tri };

export type SchemaChange = {
  which: "input" | "output";
  propertiesAdded: string[];
  propertiesRemoved: string[];
  propertiesChanged: string[];
  requiredAdded: string[];
  requiredRemoved: string[];
  /** Something else changed (type, additionalProperties, …). */
  otherChanged: boolean;
};

/** Changes a reviewer must not miss. */
export type RiskFlag =
  | "newDestructive"
  | "newMovesMoney"
  | "becameDestructive"
  | "becameMovesMoney"
  | "lostReadOnly"
  | "lostConfirmation";

export type OperationDiff =
  | { kind: "added"; name: string; after: DiffOperation; flags: RiskFlag[] }
  | { kind: "removed"; name: string; before: DiffOperation; flags: RiskFlag[] }
  | {
      kind: "changed";
      name: string;
      before: DiffOperation;
      after: DiffOperation;
      textChanged: Array<"title" | "description">;
      endpointChanged: boolean;
      schemas: SchemaChange[];
      annotations: AnnotationFlip[];
      flags: RiskFlag[];
    };

export type VersionDiff = {
  /** False when there is no live version: everything counts as added. */
  hasBase: boolean;
  operations: OperationDiff[];
  unchanged: string[];
  endpoint: { before: string | null; after: string | null } | null;
  counts: { added: number; removed: number; changed: number; unchanged: number; flagged: number };
};

const isTrue = (value: Tri) => value === true;

function propertiesOf(schema: unknown): Record<string, unknown> {
  const props = schema && typeof schema === "object" ? (schema as Record<string, unknown>).properties : undefined;
  return props && typeof props === "object" && !Array.isArray(props) ? (props as Record<string, unknown>) : {};
}

function requiredOf(schema: unknown): string[] {
  const required = schema && typeof schema === "object" ? (schema as Record<string, unknown>).required : undefined;
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === "string") : [];
}

function withoutPropsAndRequired(schema: unknown): string {
  if (!schema || typeof schema !== "object") return canonicalJson(schema ?? null);
  const { properties: _p, required: _r, ...rest } = schema as Record<string, unknown>;
  return canonicalJson(rest);
}

export function diffSchema(which: SchemaChange["which"], before: unknown, after: unknown): SchemaChange | null {
  if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return null;
  const a = propertiesOf(before);
  const b = propertiesOf(after);
  const ra = new Set(requiredOf(before));
  const rb = new Set(requiredOf(after));
  return {
    which,
    propertiesAdded: Object.keys(b).filter((k) => !(k in a)).sort(),
    propertiesRemoved: Object.keys(a).filter((k) => !(k in b)).sort(),
    propertiesChanged: Object.keys(a).filter((k) => k in b && canonicalJson(a[k]) !== canonicalJson(b[k])).sort(),
    requiredAdded: [...rb].filter((k) => !ra.has(k)).sort(),
    requiredRemoved: [...ra].filter((k) => !rb.has(k)).sort(),
    otherChanged: withoutPropsAndRequired(before) !== withoutPropsAndRequired(after),
  };
}

function flagsOfNew(op: DiffOperation): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (isTrue(tri(op.annotations.destructive))) flags.push("newDestructive");
  if (isTrue(tri(op.annotations.movesMoney))) flags.push("newMovesMoney");
  return flags;
}

export function flagsOfFlips(flips: AnnotationFlip[]): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const { key, before, after } of flips) {
    if (key === "destructive" && after === true) flags.push("becameDestructive");
    if (key === "movesMoney" && after === true) flags.push("becameMovesMoney");
    if (key === "readOnly" && before === true) flags.push("lostReadOnly");
    if (key === "needsConfirmation" && before === true) flags.push("lostConfirmation");
  }
  return flags;
}

function diffOperation(before: DiffOperation, after: DiffOperation): OperationDiff | null {
  const textChanged = (["title", "description"] as const).filter((field) => (before[field] ?? "") !== (after[field] ?? ""));
  const endpointChanged = (before.httpMethod ?? null) !== (after.httpMethod ?? null) || (before.url ?? "") !== (after.url ?? "");
  const schemas = [diffSchema("input", before.inputSchema, after.inputSchema), diffSchema("output", before.outputSchema, after.outputSchema)].filter(
    (s): s is SchemaChange => s !== null,
  );
  const annotations = annotationKeys
    .map((key) => ({ key, before: tri(before.annotations[key]), after: tri(after.annotations[key]) }))
    .filter((flip) => flip.before !== flip.after);
  if (!textChanged.length && !endpointChanged && !schemas.length && !annotations.length) return null;
  return { kind: "changed", name: after.name, before, after, textChanged, endpointChanged, schemas, annotations, flags: flagsOfFlips(annotations) };
}

/**
 * The diff from `base` (the live version; null when nothing is live) to `candidate`. Operations
 * are listed flagged first, then added, changed, removed, each by name.
 */
export function diffVersions(
  base: { operations: DiffOperation[]; endpointUrl?: string | null } | null,
  candidate: { operations: DiffOperation[]; endpointUrl?: string | null },
): VersionDiff {
  const before = new Map((base?.operations ?? []).map((op) => [op.name, op]));
  const after = new Map(candidate.operations.map((op) => [op.name, op]));
  const operations: OperationDiff[] = [];
  const unchanged: string[] = [];
  for (const op of candidate.operations) {
    const old = before.get(op.name);
    if (!old) {
      operations.push({ kind: "added", name: op.name, after: op, flags: flagsOfNew(op) });
      continue;
    }
    const changed = diffOperation(old, op);
    if (changed) operations.push(changed);
    else unchanged.push(op.name);
  }
  for (const op of base?.operations ?? []) {
    if (!after.has(op.name)) operations.push({ kind: "removed", name: op.name, before: op, flags: [] });
  }
  const order = { added: 0, changed: 1, removed: 2 } as const;
  operations.sort((x, y) => Number(y.flags.length > 0) - Number(x.flags.length > 0) || order[x.kind] - order[y.kind] || x.name.localeCompare(y.name));
  const endpointBefore = base?.endpointUrl ?? null;
  const endpointAfter = candidate.endpointUrl ?? null;
  return {
    hasBase: base !== null,
    operations,
    unchanged: unchanged.sort(),
    endpoint: base && endpointBefore !== endpointAfter ? { before: endpointBefore, after: endpointAfter } : null,
    counts: {
      added: operations.filter((o) => o.kind === "added").length,
      removed: operations.filter((o) => o.kind === "removed").length,
      changed: operations.filter((o) => o.kind === "changed").length,
      unchanged: unchanged.length,
      flagged: operations.filter((o) => o.flags.length > 0).length,
    },
  };
}
