import { describe, expect, it } from "vitest";
import { ToolSchema } from "@modelcontextprotocol/sdk/types.js";
import { rideTools } from "@/lib/integrations/formats/fixtures/ride-tools";
import {
  importMcpToolList,
  mcpToolsFromDefinition,
  parseMcpToolList,
} from "@/lib/integrations/formats/mcp-tools";

const merchant = { slug: "swift-ride", name: "Swift Ride" };
const options = {
  merchant,
  name: "Swift Ride MCP",
  endpointUrl: "https://mcp.swift-ride.example/mcp",
  transport: "STREAMABLE_HTTP" as const,
  category: "mobility",
};


describe("importMcpToolList", () => {
  const definition = importMcpToolList(rideTools, options);

  it("makes an MCP_SERVER definition with the endpoint and one operation per tool", () => {
    expect(definition).toMatchObject({
      kind: "MCP_SERVER",
      name: "Swift Ride MCP",
      category: "mobility",
      endpointUrl: "https://mcp.swift-ride.example/mcp",
      transport: "STREAMABLE_HTTP",
      version: 1,
    });
    expect(definition.operations.map((op) => op.name)).toEqual(["quote_ride", "book_ride", "cancel_ride"]);
    expect(definition.operations[0]?.inputSchema).toEqual(rideTools[0]?.inputSchema);
    expect(definition.operations[0]?.outputSchema).toEqual(rideTools[0]?.outputSchema);
    expect(definition.operations[2]?.outputSchema).toBeUndefined();
  });

  it("takes the title from title, then annotations.title, then the name", () => {
    expect(definition.operations.map((op) => op.title)).toEqual(["Quote a ride", "Book a ride", "cancel_ride"]);
  });

  it("maps hints and Skillgate _meta to annotations, leaving unset ones undefined", () => {
    expect(definition.operations.map((op) => op.annotations)).toEqual([
      { readOnly: true },
      { readOnly: false, destructive: false, idempotent: false, movesMoney: true, needsConfirmation: true },
      { destructive: true, idempotent: true },
    ]);
    expect(definition.operations[0]?.examplePrompts).toEqual(["how much is a ride to the airport?"]);
    expect(definition.operations[1]?.description).toBe("Books the quoted ride and charges the user");
    expect(definition.operations[2]?.description).toBe("");
  });

  it("lists the tools back with every schema, hint and extra field", () => {
    const tools = mcpToolsFromDefinition(definition);
    expect(tools[0]).toEqual(rideTools[0]);
    expect(tools[2]).toEqual(rideTools[2]);
    expect(tools[1]).toEqual({
      ...rideTools[1],
      title: "Book a ride",
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    });
    for (const tool of tools) expect(ToolSchema.safeParse(tool).success).toBe(true);
    expect(importMcpToolList(tools, options)).toEqual(definition);
  });
});

describe("parseMcpToolList", () => {
  it("accepts the tools/list result or the bare array", () => {
    expect(parseMcpToolList({ tools: rideTools }).ok).toBe(true);
    expect(parseMcpToolList(rideTools).ok).toBe(true);
  });

  it("gives precise paths for bad tools", () => {
    const tools = structuredClone(rideTools) as unknown as Record<string, unknown>[];
    tools[1]!.inputSchema = { properties: {} };
    tools[2]!.annotations = { readOnlyHint: "no" };
    tools.push({ name: "quote_ride", inputSchema: { type: "object" } });
    expect(parseMcpToolList({ tools })).toEqual({
      ok: false,
      errors: [
        { path: "tools[1].inputSchema.type", message: "is required" },
        { path: "tools[2].annotations.readOnlyHint", message: "must be true or false" },
      ],
    });
    tools[1]!.inputSchema = { type: "object" };
    tools[2]!.annotations = {};
    expect(parseMcpToolList({ tools })).toEqual({
      ok: false,
      errors: [{ path: "tools[3].name", message: 'duplicate tool name "quote_ride" (also tools[0])' }],
    });
    expect(parseMcpToolList({ tools: [] })).toEqual({
      ok: false,
      errors: [{ path: "tools", message: "must list at least one tool" }],
    });
  });
});
