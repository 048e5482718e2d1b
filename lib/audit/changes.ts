// Before/after snapshots of an audit event as rows a person can read: one row per top-level
// field that differs (or every field when only one side exists), values as short text. Pure.
import { canonicalJson } from "@/lib/canonical-json";

export type ChangeRow = { field: string; before: string | null; after: string | null };

const MAX_VALUE_LENGTH = 300;

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

export function formatValue(value: unknown): string {
  const text = typeof value === "string" ? value : value === undefined ? "" : canonicalJson(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  const rows: ChangeRow[] = [];
  for (const field of fields) {
    const has = (r: Record<string, unknown> | null) => r !== null && Object.prototype.hasOwnProperty.call(r, field) && r[field] !== undefined;
    const x = has(a) ? formatValue(a![field]) : null;
    const y = has(b) ? formatValue(b![field]) : null;
    if (x !== y) rows.push({ field, before: x, after: y });
  }
  return rows;
}
