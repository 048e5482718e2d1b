import { describe, expect, it } from "vitest";
import { compileSchema, isObjectTypeSchema, requiredNotDeclared, undescribedProperties } from "./schema-checks";

describe("schema checks", () => {
  it("compiles 2020-12 by default and honours a declared draft-07", () => {
    expect(compileSchema({ type: "object", properties: { t: { type: "array", prefixItems: [{ type: "string" }] } } })).toEqual({ ok: true, dialect: "2020-12" });
    expect(compileSchema({ $schema: "http://json-schema.org/draft-07/schema#", type: "object" })).toEqual({ ok: true, dialect: "draft-07" });
    expect(compileSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" }).ok).toBe(true);
  });

  it("reports compile errors as evidence", () => {
    const bad = compileSchema({ type: "object", properties: { a: { minimum: "five" } } });
    expect(bad).toMatchObject({ ok: false, dialect: "2020-12" });
    expect(!bad.ok && bad.errors[0]).toContain("/properties/a/minimum");
    expect(compileSchema({ $schema: "https://example.com/my-dialect", type: "object" }).ok).toBe(false);
    expect(compileSchema({ type: "object", properties: { a: { $ref: "https://example.com/a.json" } } }).ok).toBe(false);
    expect(compileSchema("object")).toMatchObject({ ok: false, errors: ["schema must be a JSON object, got string"] });
  });

  it("tolerates repeated $id across tools and vendor keywords", () => {
    const s = { $id: "https://shop.example/order", type: "object", "x-internal": true, example: {} };
    expect(compileSchema(s).ok).toBe(true);
    expect(compileSchema({ ...s }).ok).toBe(true);
  });

  it("requires top-level type object", () => {
    expect(isObjectTypeSchema({ type: "object" })).toBe(true);
    expect(isObjectTypeSchema({ type: ["object", "null"] })).toBe(false);
    expect(isObjectTypeSchema({ properties: {} })).toBe(false);
  });

  it("checks `required` at every depth and skips composed schemas", () => {
    const schema = {
      type: "object",
      properties: { addr: { type: "object", properties: { city: { type: "string" } }, required: ["city", "zip"] } },
      required: ["addr"],
      $defs: { x: { allOf: [{ properties: { a: {} } }], required: ["a"] } },
    };
    expect(requiredNotDeclared(schema)).toEqual(["/properties/addr: zip"]);
  });

  it("lists undescribed properties by JSON pointer, nested and in arrays", () => {
    const schema = {
      type: "object",
      properties: {
        items: { type: "array", description: "Lines", items: { type: "object", properties: { sku: { type: "string" } } } },
        "a/b": { type: "string", description: " " },
      },
    };
    expect(undescribedProperties(schema)).toEqual(["/properties/a~1b", "/properties/items/items/properties/sku"]);
  });
});
