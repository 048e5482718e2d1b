import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import coffeeShop from "@/lib/integrations/formats/fixtures/coffee-shop.mcp.json";
import { rideTools } from "@/lib/integrations/formats/fixtures/ride-tools";
import { remoteServerJsonSchema } from "@/lib/integrations/formats/fixtures/server-json-schema";
import { FormatExportError } from "@/lib/integrations/formats/export-error";
import { exportMcpServerJson, serverJsonSchemaUrl } from "@/lib/integrations/formats/mcp-server-json";
import { importMcpToolList } from "@/lib/integrations/formats/mcp-tools";
import { importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateServerJson = ajv.compile(remoteServerJsonSchema);
const namePattern = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;

const mcpServer = importMcpToolList(rideTools, {
  merchant: { slug: "swift-ride", name: "Swift Ride" },
  name: "Swift Ride MCP",
  endpointUrl: "https://mcp.swift-ride.example/mcp",
  transport: "STREAMABLE_HTTP",
  description: "Quote, book and cancel rides across 300 Chinese cities with live driver tracking and fares",
  category: "mobility",
});

function coffeeSkill(name?: string): IntegrationDefinition {
  const result = importWechatManifest(coffeeShop, { merchant: { slug: "lucky-bean", name: "幸运豆咖啡" }, name });
  if (!result.ok) throw new Error("fixture should import");
  return result.definition;
}

describe("exportMcpServerJson", () => {
  it("publishes an MCP server at its own endpoint under a reverse-DNS name", () => {
    const serverJson = exportMcpServerJson(mcpServer);
    expect(serverJson).toMatchObject({
      $schema: serverJsonSchemaUrl,
      name: "cn.skillgate.swift-ride/swift-ride-mcp",
      title: "Swift Ride MCP",
      version: "1.0.0",
      remotes: [{ type: "streamable-http", url: "https://mcp.swift-ride.example/mcp" }],
    });
    expect(serverJson.name).toMatch(namePattern);
    expect(validateServerJson(serverJson), JSON.stringify(validateServerJson.errors)).toBe(true);
  });

  it("uses the sse remote type for SSE servers", () => {
    const serverJson = exportMcpServerJson({ ...mcpServer, transport: "SSE" });
    expect(serverJson.remotes).toEqual([{ type: "sse", url: "https://mcp.swift-ride.example/mcp" }]);
  });

  it("keeps the description within the registry's 100 characters", () => {
    const long = exportMcpServerJson({ ...mcpServer, description: "长".repeat(300) });
    expect(Array.from(long.description)).toHaveLength(100);
    expect(long.description.endsWith("…")).toBe(true);
    expect(validateServerJson(long)).toBe(true);
  });

  it("publishes a Skill through Skillgate's hosted MCP gateway", () => {
    const serverJson = exportMcpServerJson(coffeeSkill(), { baseUrl: "https://skillgate.example/" });
    expect(serverJson.name).toBe("cn.skillgate.lucky-bean/lucky-bean-coffee");
    expect(serverJson.remotes).toEqual([
      { type: "streamable-http", url: "https://skillgate.example/mcp/lucky-bean/lucky-bean-coffee" },
    ]);
    expect(serverJson._meta["io.modelcontextprotocol.registry/publisher-provided"]).toMatchObject({
      skillgate: { kind: "SKILL", hostedGateway: true, tools: ["searchMenu", "placeOrder", "getOrderStatus"] },
    });
    expect(validateServerJson(serverJson), JSON.stringify(validateServerJson.errors)).toBe(true);
  });

  it("falls back to an id-based slug for a name with no ASCII letters", () => {
    const chinese = coffeeSkill("咖啡点单");
    const withId = exportMcpServerJson(chinese, { baseUrl: "https://skillgate.example", integrationId: "cm9xk2abc" });
    expect(withId.name).toBe("cn.skillgate.lucky-bean/i-cm9xk2abc");
    const withoutId = exportMcpServerJson(chinese, { baseUrl: "https://skillgate.example" });
    expect(withoutId.name).toMatch(/^cn\.skillgate\.lucky-bean\/i-[0-9a-f]{8}$/);
    expect(exportMcpServerJson(chinese, { baseUrl: "https://skillgate.example" }).name).toBe(withoutId.name);
    expect(validateServerJson(withoutId)).toBe(true);
  });

  it("refuses what it cannot publish, saying why", () => {
    expect(() => exportMcpServerJson(coffeeSkill())).toThrow(FormatExportError);
    expect(() => exportMcpServerJson(coffeeSkill())).toThrow(/base URL/);
    expect(() => exportMcpServerJson({ ...mcpServer, endpointUrl: undefined })).toThrow(/endpoint URL/);
  });

  it("the test schema really rejects bad names and remotes", () => {
    const good = exportMcpServerJson(mcpServer);
    expect(validateServerJson({ ...good, name: "swift ride" })).toBe(false);
    expect(validateServerJson({ ...good, remotes: [{ type: "stdio", url: "https://x.example" }] })).toBe(false);
    expect(validateServerJson({ ...good, description: "" })).toBe(false);
  });
});
