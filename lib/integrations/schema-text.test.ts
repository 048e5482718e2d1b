import { describe, expect, it } from "vitest";
import { checkSchemaText, formatSchemaIssue, lineColumnAt, parseJsonText } from "./schema-text";

describe("parseJsonText", () => {
  it("parses valid JSON", () => {
    expect(parseJsonText('{"a": [1, -2.5e3, true, null, "x\\n"]}')).toEqual({ ok: true, value: { a: [1, -2500, true, null, "x\n"] } });
  });

  it.each([
    ['{\n  "type": "object",\n}', 3, 1, "property name"],
    ['{\n  "type" "object"\n}', 2, 10, '":"'],
    ['{"a": tru}', 1, 7, "a value"],
    ['{"a": 1} x', 1, 10, "after the end"],
    ['{"a": "b', 1, 9, "Unterminated"],
    ["[1, 2", 1, 6, '"," or "]"'],
    ["{'a': 1}", 1, 2, "double quotes"],
  ])("reports %j at line %i column %i", (text, line, column, fragment) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue).toMatchObject({ kind: "syntax", line, column });
    expect(result.issue.message).toContain(fragment);
  });

  it("counts lines and columns from 1", () => {
    expect(lineColumnAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});

describe("checkSchemaText", () => {
  it("accepts a 2020-12 object schema", () => {
    const result = checkSchemaText('{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}');
    expect(result.ok).toBe(true);
  });

  it("reports meta-schema errors with their paths", () => {
    const result = checkSchemaText('{"type":"object","properties":{"q":{"type":"strng"}},"required":"q"}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain("/properties/q/type");
    expect(paths).toContain("/required");
    expect(result.issues.every((i) => i.kind === "schema")).toBe(true);
    // one message for the bad type name, not one per branch of the meta-schema's anyOf
    expect(result.issues.filter((i) => i.path === "/properties/q/type").map((i) => i.message)).toEqual([
      "must be equal to one of the allowed values: array, boolean, integer, null, number, object, string",
    ]);
    expect(formatSchemaIssue(result.issues[0]!)).toMatch(/^\/\S+: /);
  });

  it("judges draft-07 schemas by draft-07", () => {
    expect(checkSchemaText('{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","items":[{"type":"string"}]}').ok).toBe(true);
  });

  it("refuses a non-object and an unknown dialect", () => {
    const array = checkSchemaText("[]");
    expect(array.ok || array.issues[0]?.message).toBe("A schema must be a JSON object");
    const dialect = checkSchemaText('{"$schema":"https://example.com/mine"}');
    expect(dialect.ok || dialect.issues[0]?.path).toBe("/$schema");
  });

  it("treats empty text as missing, or as no schema when optional", () => {
    expect(checkSchemaText("  ").ok).toBe(false);
    expect(checkSchemaText("", { optional: true })).toEqual({ ok: true, value: null });
  });

  it("formats syntax issues with their position", () => {
    const result = checkSchemaText('{"a":}');
    expect(result.ok || formatSchemaIssue(result.issues[0]!)).toBe('Expected a value but found "}" (line 1, column 6)');
  });
});
