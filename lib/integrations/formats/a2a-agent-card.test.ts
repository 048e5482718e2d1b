import { describe, expect, it } from "vitest";
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import coffeeShop from "@/lib/integrations/formats/fixtures/coffee-shop.mcp.json";
import { rideTools } from "@/lib/integrations/formats/fixtures/ride-tools";
import { exportA2aAgentCard } from "@/lib/integrations/formats/a2a-agent-card";
import { importMcpToolList } from "@/lib/integrations/formats/mcp-tools";
import { importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";

const baseUrl = "https://skillgate.example";

function coffeeSkill(): IntegrationDefinition {
  const result = importWechatManifest(coffeeShop, { merchant: { slug: "lucky-bean", name: "幸运豆咖啡" }, category: "food" });
  if (!result.ok) throw new Error("fixture should import");
  const prompts: Record<string, string[]> = {
    searchMenu: ["附近有什么少糖的拿铁？"],
    placeOrder: ["帮我点三杯少糖拿铁，到店自取"],
    getOrderStatus: ["我的咖啡做好了吗？"],
  };
  return {
    ...result.definition,
    operations: result.definition.operations.map((op) => ({ ...op, examplePrompts: prompts[op.name] ?? [] })),
  };
}

describe("exportA2aAgentCard", () => {
  const definition = coffeeSkill();
  const card = exportA2aAgentCard(definition, { baseUrl });

  it("has the required card fields, for A2A 1.0 and the 0.3 clients", () => {
    const url = "https://skillgate.example/a2a/lucky-bean/lucky-bean-coffee";
    expect(card).toMatchObject({
      name: "lucky-bean-coffee",
      description: "幸运豆咖啡：查菜单、下单、查订单",
      version: "1.0.0",
      supportedInterfaces: [{ url, protocolBinding: "JSONRPC", protocolVersion: "1.0" }],
      url,
      preferredTransport: "JSONRPC",
      protocolVersion: "0.3.0",
      provider: { organization: "幸运豆咖啡", url: baseUrl },
      capabilities: { streaming: false, pushNotifications: false },
      defaultInputModes: ["application/json", "text/plain"],
      defaultOutputModes: ["application/json"],
    });
  });

  it("has every operation as a skill with id, name, description, tags and examples", () => {
    expect(card.skills.map((skill) => skill.id)).toEqual(definition.operations.map((op) => op.name));
    for (const [index, skill] of card.skills.entries()) {
      const operation = definition.operations[index]!;
      expect(skill.name).toBe(operation.title);
      expect(skill.description).toBe(operation.description);
      expect(skill.examples).toEqual(operation.examplePrompts);
      expect(skill.examples?.length).toBeGreaterThan(0);
      expect(skill.tags[0]).toBe("food");
    }
  });

  it("tags each skill with the risks that are set", () => {
    expect(card.skills.map((skill) => skill.tags)).toEqual([
      ["food", "read-only"],
      ["food", "moves-money", "needs-confirmation"],
      ["food", "read-only", "idempotent"],
    ]);
  });

  it("works for an MCP server too, leaving examples out when there are none", () => {
    const server = importMcpToolList(rideTools, {
      merchant: { slug: "swift-ride", name: "Swift Ride" },
      name: "Swift Ride MCP",
      endpointUrl: "https://mcp.swift-ride.example/mcp",
      transport: "STREAMABLE_HTTP",
      category: "mobility",
    });
    const rideCard = exportA2aAgentCard(server, { baseUrl });
    expect(rideCard.description).toBe("Swift Ride MCP");
    expect(rideCard.skills.map((skill) => [skill.id, skill.name, skill.tags])).toEqual([
      ["quote_ride", "Quote a ride", ["mobility", "read-only"]],
      ["book_ride", "Book a ride", ["mobility", "moves-money", "needs-confirmation"]],
      ["cancel_ride", "cancel_ride", ["mobility", "destructive", "idempotent"]],
    ]);
    expect(rideCard.skills[0]?.examples).toEqual(["how much is a ride to the airport?"]);
    expect(rideCard.skills[2]).not.toHaveProperty("examples");
    expect(rideCard.skills[2]?.description).toBe("cancel_ride");
  });
});
