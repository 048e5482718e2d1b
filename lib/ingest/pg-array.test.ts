import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArrayColumns, type ArrayElement } from "./pg-array";

/** One column's literal: `{"a","b",NULL}`. */
function arrayLiteral(values: readonly ArrayElement[]): string {
  const column = new ArrayColumns(1);
  for (const value of values) column.push(value);
  return column.literals()[0]!;
}

// node-postgres' own encoding of a JS array parameter: what the ingest statements sent before.
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils") as { prepareValue: (value: unknown) => unknown };
const pgEncoding = (values: readonly ArrayElement[]) => prepareValue(values);

const element = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("\\", '"', ",", "{", "}", " ", "a", "NULL", "'"), maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
  fc.integer(),
);

describe("PostgreSQL array literals", () => {
  it("equal node-postgres' encoding of the same array, for any text, nulls, booleans and integers", () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 20 }), (values) => {
        expect(arrayLiteral(values)).toBe(pgEncoding(values));
      }),
      { numRuns: 500 },
    );
  });

  it("escapes quotes and backslashes and leaves NULL unquoted", () => {
    expect(arrayLiteral(['a"b', "c\\d", null, "NULL", true, 12n])).toBe('{"a\\"b","c\\\\d",NULL,"NULL","true","12"}');
    expect(arrayLiteral([])).toBe("{}");
  });

  it("fills several columns row by row", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(element, element, element), { maxLength: 10 }), (rows) => {
        const columns = new ArrayColumns(3);
        for (const row of rows) columns.push(...row);
        expect(columns.length).toBe(rows.length);
        expect(columns.literals()).toEqual([0, 1, 2].map((c) => pgEncoding(rows.map((r) => r[c]!))));
      }),
    );
    expect(() => new ArrayColumns(2).push("only one")).toThrow(/expected 2 values/);
  });
});
