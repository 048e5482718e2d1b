// PostgreSQL COPY text format: tab-separated columns, \N for NULL, and backslash escapes for
// backslash, tab, newline and carriage return inside values.
import { JsonValue, type DbValue } from "../../lib/demo/rows";

const special = /[\\\t\n\r]/;

export function escapeCopyText(text: string): string {
  if (!special.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** A PostgreSQL array literal of text values: {"a","b \"c\""}. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

export function copyField(value: DbValue | undefined): string {
  if (value === null || value === undefined) return "\\N";
  switch (typeof value) {
    case "string":
      return escapeCopyText(value);
    case "boolean":
      return value ? "t" : "f";
    case "number":
    case "bigint":
      return value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof JsonValue) return escapeCopyText(JSON.stringify(value.value));
  return escapeCopyText(textArrayLiteral(value as readonly string[]));
}
