// PostgreSQL COPY text format: tab-separated columns, \N for NULL, and backslash escapes for
// backslash, tab, newline and carriage return inside values.
const special = /[\\\t\n\r]/;

export function escapeCopyText(text: string): string {
  if (!special.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
