import { describe, expect, it } from "vitest";
import type { DiffOperation } from "./diff";
import { compareRisk, rollbackIsImmediate } from "./risk";

const op = (name: string, annotations: DiffOperation["annotations"] = { readOnly: true }, extra: Partial<DiffOperation> = {}): DiffOperation => ({
  name,
  title: name,
  description: `${name} description`,
  inputSchema: { type: "object" },
  annotations,
  ...extra,
});

describe("compareRisk (is a rollback target riskier than the live version?)", () => {
  it("the same version is not riskier", () => {
    const side = { operations: [op("a"), op("b")], endpointUrl: "https://x.example/mcp" };
    expect(compareRisk(side, side)).toEqual({ riskier: false, reasons: [] });
  });

  it("fewer operations or changed texts/schemas are not riskier", () => {
    const live = { operations: [op("a"), op("b")] };
    const older = { operations: [op("a", { readOnly: true }, { description: "older words", inputSchema: { type: "object", properties: { q: {} } } })] };
    expect(compareRisk(live, older)).toEqual({ riskier: false, reasons: [] });
  });

  it("more operations is riskier", () => {
    expect(compareRisk({ operations: [op("a")] }, { operations: [op("a"), op("b")] })).toEqual({ riskier: true, reasons: ["moreOperations"] });
  });

  it("a destructive or money-moving operation the live one lacks is riskier, even with the same count", () => {
    const r = compareRisk({ operations: [op("a"), op("b")] }, { operations: [op("a"), op("pay", { movesMoney: true })] });
    expect(r).toEqual({ riskier: true, reasons: ["newMovesMoney"] });
    expect(compareRisk({ operations: [op("a")] }, { operations: [op("wipe", { destructive: true })] }).reasons).toEqual(["newDestructive"]);
  });

  it("an annotation flip toward destructive or moves money is riskier; the other way is not", () => {
    expect(compareRisk({ operations: [op("a", { destructive: false })] }, { operations: [op("a", { destructive: true })] }).reasons).toEqual(["becameDestructive"]);
    expect(compareRisk({ operations: [op("a", { movesMoney: true })] }, { operations: [op("a", { movesMoney: false })] })).toEqual({ riskier: false, reasons: [] });
    expect(compareRisk({ operations: [op("a", { readOnly: true })] }, { operations: [op("a", {})] }).reasons).toEqual(["lostReadOnly"]);
  });

  it("a destructive operation the live one also has is not a new risk", () => {
    const cancel = op("cancel", { destructive: true });
    expect(compareRisk({ operations: [cancel, op("pay", { movesMoney: true })] }, { operations: [cancel] })).toEqual({ riskier: false, reasons: [] });
  });

  it("a different MCP endpoint is riskier", () => {
    expect(compareRisk({ operations: [op("a")], endpointUrl: "https://new.example/mcp" }, { operations: [op("a")], endpointUrl: "https://old.example/mcp" }).reasons).toEqual(["endpointChanged"]);
  });
});

describe("rollbackIsImmediate", () => {
  it("only when not riskier and the live version is LIVE (not suspended)", () => {
    expect(rollbackIsImmediate({ riskier: false, reasons: [] }, "LIVE")).toBe(true);
    expect(rollbackIsImmediate({ riskier: false, reasons: [] }, "SUSPENDED")).toBe(false);
    expect(rollbackIsImmediate({ riskier: true, reasons: ["moreOperations"] }, "LIVE")).toBe(false);
  });
});
