import { describe, expect, it } from "vitest";
import { changeRows, formatValue } from "./changes";

describe("changeRows", () => {
  it("lists only the fields that differ, sorted", () => {
    expect(changeRows({ status: "LIVE", number: 3, name: "x" }, { status: "SUSPENDED", number: 3, reason: "drift" })).toEqual([
      { field: "name", before: "x", after: null },
      { field: "reason", before: null, after: "drift" },
      { field: "status", before: "LIVE", after: "SUSPENDED" },
    ]);
  });

  it("shows every field of a creation or a deletion", () => {
    expect(changeRows(null, { url: "https://a.example", events: ["statement.ready"] })).toEqual([
      { field: "events", before: null, after: '["statement.ready"]' },
      { field: "url", before: null, after: "https://a.example" },
    ]);
    expect(changeRows({ role: "ADMIN" }, undefined)).toEqual([{ field: "role", before: "ADMIN", after: null }]);
    expect(changeRows(null, null)).toEqual([]);
  });

  it("compares nested values by content, not key order, and wraps a bare value", () => {
    expect(changeRows({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(changeRows("old", "new")).toEqual([{ field: "value", before: "old", after: "new" }]);
  });

  it("shortens long values", () => {
    const long = formatValue("x".repeat(1000));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });
});
