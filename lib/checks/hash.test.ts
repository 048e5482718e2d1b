import { describe, expect, it } from "vitest";
import type { OperationDefinition } from "../integrations/definition";
import { canonicalJson, operationListHash, sha256Hex, toolListHash } from "./hash";

const tool = {
  name: "get_order",
  description: "Returns an order.",
  inputSchema: { type: "object", properties: { id: { type: "string", description: "Order id" } }, required: ["id"] },
  annotations: { readOnlyHint: true, destructiveHint: false },
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it("keeps array order and JSON escaping", () => {
    expect(canonicalJson(["b", "a", 'q"'])).toBe('["b","a","q\\""]');
    expect(canonicalJson(Number.NaN)).toBe("null");
  });
});

describe("toolListHash", () => {
  it("is a sha256 hex digest", () => {
    expect(toolListHash([tool])).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("does not depend on key order or on the order tools are listed in", () => {
    const reordered = {
      annotations: { destructiveHint: false, readOnlyHint: true },
      inputSchema: { required: ["id"], properties: { id: { description: "Order id", type: "string" } }, type: "object" },
      description: "Returns an order.",
      name: "get_order",
    };
    const other = { ...tool, name: "list_orders" };
    expect(toolListHash([tool, other])).toBe(toolListHash([other, reordered]));
  });

  it("changes when a name, description, schema or annotation changes", () => {
    const base = toolListHash([tool]);
    expect(toolListHash([{ ...tool, name: "get_orders" }])).not.toBe(base);
    expect(toolListHash([{ ...tool, description: "Returns an order!" }])).not.toBe(base);
    expect(toolListHash([{ ...tool, inputSchema: { ...tool.inputSchema, required: [] } }])).not.toBe(base);
    expect(toolListHash([{ ...tool, annotations: { readOnlyHint: false, destructiveHint: false } }])).not.toBe(base);
    expect(toolListHash([{ ...tool, outputSchema: { type: "object" } }])).not.toBe(base);
    expect(toolListHash([tool, tool])).not.toBe(base);
  });

  it("ignores fields outside the contract (e.g. execution hints)", () => {
    expect(toolListHash([{ ...tool, execution: { taskSupport: "forbidden" } } as never])).toBe(toolListHash([tool]));
  });
});

describe("operationListHash", () => {
  const op: OperationDefinition = {
    name: "get_order", title: "Get order", description: "Returns an order.", inputSchema: { type: "object" },
    annotations: { readOnly: true }, examplePrompts: [], url: "https://api.example.com/o", httpMethod: "GET",
  };
  it("is stable under key order and sensitive to the URL", () => {
    const { url, ...rest } = op;
    expect(operationListHash([{ ...rest, url }])).toBe(operationListHash([op]));
    expect(operationListHash([{ ...op, url: "https://api.example.com/p" }])).not.toBe(operationListHash([op]));
  });
});
