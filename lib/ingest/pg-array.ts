// PostgreSQL array literals for the ingest statements' parameters, built in one pass: exactly the
// text node-postgres sends for a JS array (every element double-quoted with `\` and `"` escaped,
// null as NULL), without its per-element prepareValue, two regex replaces and string appends,
// which were a visible share of an ingest batch's CPU. Tests compare it with node-postgres.

export type ArrayElement = string | number | bigint | boolean | null | undefined;

const needsEscape = /["\\]/;
const escaped = /["\\]/g;

function element(value: ArrayElement): string {
  if (value === null || value === undefined) return "NULL";
  const text = typeof value === "string" ? value : String(value);
  return needsEscape.test(text) ? `"${text.replace(escaped, "\\$&")}"` : `"${text}"`;
}

/**
 * Several array parameters filled row by row: `columns(n)` then `push(row)` for each row with one
 * value per column, then `literals()`. Saves a `.map` (and an intermediate array) per column.
 */
export class ArrayColumns {
  private readonly parts: string[][];
  private rows = 0;

  constructor(columns: number) {
    this.parts = Array.from({ length: columns }, () => []);
  }

  push(...values: ArrayElement[]): void {
    if (values.length !== this.parts.length) throw new Error(`expected ${this.parts.length} values, got ${values.length}`);
    for (let c = 0; c < values.length; c++) this.parts[c]!.push(element(values[c]));
    this.rows++;
  }

  get length(): number {
    return this.rows;
  }

  literals(): string[] {
    return this.parts.map((column) => `{${column.join(",")}}`);
  }
}
