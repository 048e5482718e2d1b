import { describe, expect, it } from "vitest";
import { mcpToolToOperation } from "./mcp-tool-to-operation";

describe("mcpToolToOperation", () => {
  it("maps hints to annotations and reads money/confirmation from skillgate/ _meta", () => {
    const op = mcpToolToOperation({
      name: "pay_invoice",
      title: "Pay invoice",
      description: "Pays an invoice.",
      inputSchema: { type: "object" },
      outputSchema: { type: "object" },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      _meta: { "skillgate/movesMoney": true, "skillgate/needsConfirmation": true, "skillgate/examplePrompts": ["pay my bill", 3] },
    });
    expect(op).toEqual({
      name: "pay_invoice",
      title: "Pay invoice",
      description: "Pays an invoice.",
      inputSchema: { type: "object" },
      outputSchema: { type: "object" },
      annotations: { readOnly: false, destructive: true, idempotent: false, movesMoney: true, needsConfirmation: true },
      examplePrompts: ["pay my bill"],
      metadata: {
        openWorld: true,
        mcpMeta: { "skillgate/movesMoney": true, "skillgate/needsConfirmation": true, "skillgate/examplePrompts": ["pay my bill", 3] },
      },
    });
  });

  it("leaves absent or non-boolean hints unset and keeps malformed schemas as sent", () => {
    const op = mcpToolToOperation({ name: 7, annotations: { readOnlyHint: "yes", title: "From annotations" }, inputSchema: "object" });
    expect(op.name).toBe("");
    expect(op.title).toBe("From annotations");
    expect(op.description).toBe("");
    expect(op.inputSchema).toBe("object");
    expect(op.annotations).toEqual({ readOnly: undefined, destructive: undefined, idempotent: undefined, movesMoney: undefined, needsConfirmation: undefined });
    expect("outputSchema" in op).toBe(false);
  });
});
