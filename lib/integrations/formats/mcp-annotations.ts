// MCP carries three of our five annotations as tool hints; the other two travel in `_meta`
// under Skillgate's keys (the convention the validation rules read as well).
import type { OperationAnnotations } from "@/lib/integrations/definition";

export const movesMoneyMetaKey = "skillgate/movesMoney";
export const needsConfirmationMetaKey = "skillgate/needsConfirmation";
/** Carry a Skill operation's HTTP endpoint and prompts through formats that have no field for them. */
export const httpMethodMetaKey = "skillgate/httpMethod";
export const urlMetaKey = "skillgate/url";
export const examplePromptsMetaKey = "skillgate/examplePrompts";

export const skillgateMetaKeys = [
  movesMoneyMetaKey,
  needsConfirmationMetaKey,
  httpMethodMetaKey,
  urlMetaKey,
  examplePromptsMetaKey,
] as const;

type Hints = Record<string, unknown>;

function flag(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

/** Reads annotations from MCP-style `annotations` hints and `_meta`; absent stays `undefined`. */
export function annotationsFromMcp(hints: Hints | undefined, meta: Hints | undefined): OperationAnnotations {
  const annotations: OperationAnnotations = {
    readOnly: flag(hints?.readOnlyHint),
    destructive: flag(hints?.destructiveHint),
    idempotent: flag(hints?.idempotentHint),
    movesMoney: flag(meta?.[movesMoneyMetaKey]),
    needsConfirmation: flag(meta?.[needsConfirmationMetaKey]),
  };
  return withoutUndefined(annotations);
}

/** The MCP `annotations` hints for an operation: only the ones that are set. */
export function mcpHints(annotations: OperationAnnotations): Hints {
  return withoutUndefined({
    readOnlyHint: annotations.readOnly,
    destructiveHint: annotations.destructive,
    idempotentHint: annotations.idempotent,
  });
}

/** The `_meta` entries for the annotations MCP has no hint for. */
export function skillgateMeta(annotations: OperationAnnotations): Hints {
  return withoutUndefined({
    [movesMoneyMetaKey]: annotations.movesMoney,
    [needsConfirmationMetaKey]: annotations.needsConfirmation,
  });
}

/** Keys of MCP `annotations` this mapping understands (others are kept as imported metadata). */
export const mappedHintKeys = ["readOnlyHint", "destructiveHint", "idempotentHint"] as const;

export function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `value` without the listed keys. */
export function omitKeys(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isEmpty(value: Record<string, unknown>): boolean {
  return Object.keys(value).length === 0;
}
