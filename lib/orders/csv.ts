// CSV per RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; rows end
// with CRLF. Free text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets
// a leading apostrophe, since integration and operation names come from merchants.

const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: string | number | bigint | boolean | null | undefined, { text = false } = {}): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (text && formulaStart.test(s)) s = `'${s}`;
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.join(",")}\r\n`;
}

/** UTF-8 byte order mark: lets spreadsheet apps read Chinese names correctly. */
export const csvBom = "\uFEFF";
