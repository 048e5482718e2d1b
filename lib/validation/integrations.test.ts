import { describe, expect, it } from "vitest";
import { createIntegrationSchema, saveOperationSchema, updateMcpDraftSchema } from "./integrations";

describe("createIntegrationSchema", () => {
  it("needs a bearer secret when bearer auth is chosen", () => {
    const result = createIntegrationSchema.safeParse({ kind: "MCP_SERVER", name: "Menu", category: "FOOD", endpointUrl: "https://mcp.example.com/mcp", authType: "BEARER" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["bearerSecret"], message: "integrations.validation.secretRequired" });
  });

  it("refuses credentials in the URL and non-http schemes", () => {
    for (const endpointUrl of ["https://u:p@mcp.example.com/mcp", "ftp://mcp.example.com", "not a url"]) {
      expect(createIntegrationSchema.safeParse({ kind: "MCP_SERVER", name: "x", category: "FOOD", endpointUrl }).success, endpointUrl).toBe(false);
    }
  });

  it("accepts a Skill with just a name and category", () => {
    expect(createIntegrationSchema.parse({ kind: "SKILL", name: " Orders ", category: "RETAIL" })).toEqual({ kind: "SKILL", name: "Orders", description: "", category: "RETAIL" });
  });
});

describe("updateMcpDraftSchema", () => {
  it("keeps the stored secret when the field is left empty", () => {
    const input = { versionId: "v1", endpointUrl: "https://mcp.example.com/mcp", authType: "BEARER", bearerSecret: "" };
    expect(updateMcpDraftSchema.safeParse({ ...input, hasSecret: "1" }).success).toBe(true);
    expect(updateMcpDraftSchema.safeParse({ ...input, hasSecret: "0" }).success).toBe(false);
  });
});

describe("saveOperationSchema", () => {
  const base = { versionId: "v1", name: "get_menu", inputSchema: '{"type":"object"}' };

  it("parses schemas, annotations and example prompts", () => {
    const parsed = saveOperationSchema.parse({ ...base, readOnly: "true", destructive: "false", examplePrompts: " a \n\n b ", outputSchema: "" });
    expect(parsed).toMatchObject({ inputSchema: { type: "object" }, outputSchema: null, readOnly: true, destructive: false, movesMoney: undefined, examplePrompts: ["a", "b"] });
    expect(parsed.operationId).toBeUndefined();
  });

  it("reports schema problems on the schema field with line and column or path", () => {
    const result = saveOperationSchema.safeParse({ ...base, inputSchema: '{"type":"object",}', outputSchema: '{"type":"nope"}' });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.inputSchema).toMatch(/line 1, column 18/);
    expect(byField.outputSchema).toMatch(/^\/type: /);
  });

  it("refuses names that are not valid tool names", () => {
    expect(saveOperationSchema.safeParse({ ...base, name: "get menu" }).success).toBe(false);
  });
});
