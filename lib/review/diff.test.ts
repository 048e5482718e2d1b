import { describe, expect, it } from "vitest";
import { diffSchema, diffVersions, type DiffOperation } from "./diff";

const op = (name: string, extra: Partial<DiffOperation> = {}): DiffOperation => ({
  name,
  title: name,
  description: `Does ${name} for the customer`,
  inputSchema: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
  annotations: { readOnly: true, destructive: false, idempotent: true },
  ...extra,
});

describe("diffVersions", () => {
  it("reports nothing for identical versions", () => {
    const d = diffVersions({ operations: [op("a"), op("b")] }, { operations: [op("b"), op("a")] });
    expect(d.operations).toEqual([]);
    expect(d.unchanged).toEqual(["a", "b"]);
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 2, flagged: 0 });
  });

  it("finds added and removed operations", () => {
    const d = diffVersions({ operations: [op("a"), op("gone")] }, { operations: [op("a"), op("new")] });
    expect(d.operations.map((o) => [o.kind, o.name])).toEqual([
      ["added", "new"],
      ["removed", "gone"],
    ]);
    expect(d.counts).toMatchObject({ added: 1, removed: 1, changed: 0, flagged: 0 });
  });

  it("flags a read-only → destructive flip prominently (first, with flags)", () => {
    const d = diffVersions(
      { operations: [op("cancel_order"), op("menu")] },
      { operations: [op("menu", { description: "Lists the whole menu today" }), op("cancel_order", { annotations: { readOnly: false, destructive: true, idempotent: true } })] },
    );
    expect(d.operations[0]).toMatchObject({
      kind: "changed",
      name: "cancel_order",
      annotations: [
        { key: "readOnly", before: true, after: false },
        { key: "destructive", before: false, after: true },
      ],
      flags: ["lostReadOnly", "becameDestructive"],
    });
    expect(d.operations[1]).toMatchObject({ kind: "changed", name: "menu", textChanged: ["description"], flags: [] });
    expect(d.counts.flagged).toBe(1);
  });

  it("flags new money-moving and destructive operations, and a lost confirmation", () => {
    const d = diffVersions(
      { operations: [op("pay", { annotations: { movesMoney: true, needsConfirmation: true } })] },
      {
        operations: [
          op("pay", { annotations: { movesMoney: true, needsConfirmation: false } }),
          op("refund_all", { annotations: { destructive: true, movesMoney: true } }),
        ],
      },
    );
    const byName = Object.fromEntries(d.operations.map((o) => [o.name, o.flags]));
    expect(byName.refund_all).toEqual(["newDestructive", "newMovesMoney"]);
    expect(byName.pay).toEqual(["lostConfirmation"]);
    expect(diffVersions({ operations: [op("x", { annotations: {} })] }, { operations: [op("x", { annotations: { movesMoney: true } })] }).operations[0]?.flags).toEqual(["becameMovesMoney"]);
  });

  it("treats an undeclared annotation as different from an explicit false", () => {
    const d = diffVersions({ operations: [op("a", { annotations: { destructive: false } })] }, { operations: [op("a", { annotations: {} })] });
    expect(d.operations[0]).toMatchObject({ kind: "changed", annotations: [{ key: "destructive", before: false, after: null }], flags: [] });
  });

  it("describes input schema changes by property and required list", () => {
    const after = op("a", {
      inputSchema: { type: "object", properties: { id: { type: "integer" }, note: { type: "string" } }, required: ["id", "note"] },
    });
    const d = diffVersions({ operations: [op("a")] }, { operations: [after] });
    expect(d.operations[0]).toMatchObject({
      kind: "changed",
      schemas: [{ which: "input", propertiesAdded: ["note"], propertiesRemoved: [], propertiesChanged: ["id"], requiredAdded: ["note"], requiredRemoved: [], otherChanged: false }],
    });
  });

  it("notices endpoint changes of operations and of the MCP server", () => {
    const d = diffVersions(
      { operations: [op("a", { httpMethod: "GET", url: "https://a.example/x" })], endpointUrl: "https://mcp.example/v1" },
      { operations: [op("a", { httpMethod: "POST", url: "https://a.example/x" })], endpointUrl: "https://mcp.example/v2" },
    );
    expect(d.operations[0]).toMatchObject({ kind: "changed", endpointChanged: true });
    expect(d.endpoint).toEqual({ before: "https://mcp.example/v1", after: "https://mcp.example/v2" });
  });

  it("without a live version everything is added", () => {
    const d = diffVersions(null, { operations: [op("a"), op("b", { annotations: { destructive: true } })] });
    expect(d.hasBase).toBe(false);
    expect(d.operations.map((o) => [o.kind, o.name])).toEqual([
      ["added", "b"],
      ["added", "a"],
    ]);
    expect(d.endpoint).toBeNull();
  });
});

describe("diffSchema", () => {
  it("is null for equal schemas regardless of key order", () => {
    expect(diffSchema("input", { type: "object", required: [], properties: {} }, { properties: {}, required: [], type: "object" })).toBeNull();
  });
  it("sees other changes", () => {
    expect(diffSchema("output", { type: "object" }, { type: "object", additionalProperties: false })).toMatchObject({ otherChanged: true, propertiesAdded: [] });
  });
});
