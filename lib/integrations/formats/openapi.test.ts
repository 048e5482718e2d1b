import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import coffeeShop from "@/lib/integrations/formats/fixtures/coffee-shop.mcp.json";
import { rideTools } from "@/lib/integrations/formats/fixtures/ride-tools";
import { FormatExportError } from "@/lib/integrations/formats/export-error";
import { importMcpToolList } from "@/lib/integrations/formats/mcp-tools";
import { exportOpenApi } from "@/lib/integrations/formats/openapi";
import { importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";

const baseUrl = "https://skillgate.example";

async function expectValid(document: object) {
  const result = await new Validator().validate(document as Record<string, unknown>);
  expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
  expect(result.valid).toBe(true);
}

const orderSchema = { type: "object", properties: { orderId: { type: "string" }, status: { type: "string" } } };

const railSkill: IntegrationDefinition = {
  kind: "SKILL",
  name: "Rail tickets",
  description: "Search trains and buy tickets",
  category: "travel",
  merchant: { slug: "rail-go", name: "Rail Go" },
  version: 3,
  operations: [
    {
      name: "search_trains",
      title: "Search trains",
      description: "Trains between two stations on a date",
      inputSchema: {
        type: "object",
        properties: {
          from: { type: "string", description: "Departure station code" },
          to: { type: "string" },
          date: { type: "string", format: "date" },
        },
        required: ["from", "to", "date"],
      },
      outputSchema: { type: "object", properties: { trains: { type: "array", items: { type: "object" } } } },
      httpMethod: "GET",
      url: "https://api.rail-go.example/v2/trains",
      annotations: { readOnly: true, idempotent: true },
      examplePrompts: ["明天上午北京到上海的高铁"],
    },
    {
      name: "buy_ticket",
      title: "Buy a ticket",
      description: "Buys a seat on a train",
      inputSchema: {
        type: "object",
        properties: { trainId: { type: "string" }, seatClass: { enum: ["second", "first", "business"] } },
        required: ["trainId", "seatClass"],
      },
      outputSchema: orderSchema,
      httpMethod: "POST",
      url: "https://api.rail-go.example/v2/orders",
      annotations: { readOnly: false, movesMoney: true, needsConfirmation: true },
      examplePrompts: [],
    },
    {
      name: "get_order",
      title: "Get an order",
      description: "",
      inputSchema: { type: "object", properties: { orderId: { type: "string" }, lang: { type: "string" } }, required: ["orderId"] },
      outputSchema: orderSchema,
      httpMethod: "GET",
      url: "https://api.rail-go.example/v2/orders/{orderId}?verbose=1",
      annotations: {},
      examplePrompts: [],
    },
    {
      name: "refund_ticket",
      title: "Refund a ticket",
      description: "Refunds a ticket to the original payment method",
      inputSchema: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
      httpMethod: "DELETE",
      url: "https://refunds.rail-go.example/tickets/{orderId}",
      annotations: { destructive: true, movesMoney: true },
      examplePrompts: [],
    },
  ],
};

describe("exportOpenApi for a Skill", () => {
  const document = exportOpenApi(railSkill, { baseUrl });

  it("validates with a standard OpenAPI 3.1 validator", async () => {
    await expectValid(document);
  });

  it("is OpenAPI 3.1 with the JSON Schema 2020-12 dialect and the common origin as server", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(document.info).toMatchObject({ title: "Rail tickets", version: "3.0.0" });
    expect(document.servers).toEqual([{ url: "https://api.rail-go.example" }]);
  });

  it("has one operation per Skill operation, at its method and path", () => {
    expect(Object.keys(document.paths)).toEqual(["/v2/trains", "/v2/orders", "/v2/orders/{orderId}", "/tickets/{orderId}"]);
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => (op as { operationId: string }).operationId));
    expect(ids).toEqual(["search_trains", "buy_ticket", "get_order", "refund_ticket"]);
    expect(Object.keys(document.paths["/v2/orders"]!)).toEqual(["post"]);
    expect(Object.keys(document.paths["/tickets/{orderId}"]!)).toEqual(["delete"]);
  });

  it("turns GET input properties into query parameters", () => {
    const search = document.paths["/v2/trains"]!.get as Record<string, unknown>;
    expect(search.parameters).toEqual([
      { name: "from", in: "query", required: true, description: "Departure station code", schema: { type: "string", description: "Departure station code" } },
      { name: "to", in: "query", required: true, schema: { type: "string" } },
      { name: "date", in: "query", required: true, schema: { type: "string", format: "date" } },
    ]);
    expect(search).not.toHaveProperty("requestBody");
    expect(search.responses).toEqual({
      "200": { description: "Success", content: { "application/json": { schema: railSkill.operations[0]!.outputSchema } } },
    });
    expect(search["x-skillgate-annotations"]).toEqual({ readOnly: true, idempotent: true });
    expect(search["x-skillgate-example-prompts"]).toEqual(["明天上午北京到上海的高铁"]);
  });

  it("sends POST input as the JSON request body", () => {
    const buy = document.paths["/v2/orders"]!.post as Record<string, unknown>;
    expect(buy.requestBody).toEqual({
      required: true,
      content: { "application/json": { schema: railSkill.operations[1]!.inputSchema } },
    });
    expect(buy).not.toHaveProperty("parameters");
    expect(buy["x-skillgate-annotations"]).toEqual({ readOnly: false, movesMoney: true, needsConfirmation: true });
  });

  it("declares path templates as path parameters, the rest as query", () => {
    const order = document.paths["/v2/orders/{orderId}"]!.get as Record<string, unknown>;
    expect(order.parameters).toEqual([
      { name: "orderId", in: "path", required: true, schema: { type: "string" } },
      { name: "lang", in: "query", required: false, schema: { type: "string" } },
    ]);
    expect(order["x-skillgate-url"]).toBe("https://api.rail-go.example/v2/orders/{orderId}?verbose=1");
    expect(document.paths["/v2/trains"]!.get).not.toHaveProperty("x-skillgate-url");
  });

  it("gives an operation on another origin its own server", () => {
    const refund = document.paths["/tickets/{orderId}"]!.delete as Record<string, unknown>;
    expect(refund.servers).toEqual([{ url: "https://refunds.rail-go.example" }]);
    expect(refund.responses).toEqual({ "200": { description: "Success" } });
    expect(document.paths["/v2/trains"]!.get).not.toHaveProperty("servers");
  });

  it("refuses two operations on the same method and path", () => {
    const clash = { ...railSkill, operations: [railSkill.operations[1]!, { ...railSkill.operations[1]!, name: "buy_again" }] };
    expect(() => exportOpenApi(clash, { baseUrl })).toThrow(FormatExportError);
    expect(() => exportOpenApi(clash, { baseUrl })).toThrow(/"buy_ticket" and "buy_again" are both POST \/v2\/orders/);
  });

  it("refuses a relative operation URL, naming the operation", () => {
    const relative = { ...railSkill, operations: [{ ...railSkill.operations[0]!, url: "/v2/trains" }] };
    expect(() => exportOpenApi(relative, { baseUrl })).toThrow(/"search_trains"/);
  });

  it("the validator does reject a broken document", async () => {
    const broken = { ...document, info: { title: "Rail tickets" } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});

describe("exportOpenApi for a WeChat mini-program Skill", () => {
  const imported = importWechatManifest(coffeeShop, { merchant: { slug: "lucky-bean", name: "幸运豆咖啡" }, category: "food" });
  if (!imported.ok) throw new Error("fixture should import");
  const document = exportOpenApi(imported.definition, { baseUrl });

  it("validates, with every api as POST /operations/<name> on the hosted gateway", async () => {
    await expectValid(document);
    expect(document.servers).toEqual([{ url: "https://skillgate.example/skills/lucky-bean/lucky-bean-coffee" }]);
    expect(Object.keys(document.paths)).toEqual([
      "/operations/searchMenu",
      "/operations/placeOrder",
      "/operations/getOrderStatus",
    ]);
    const order = document.paths["/operations/placeOrder"]!.post as Record<string, unknown>;
    expect(order.requestBody).toEqual({ required: true, content: { "application/json": { schema: coffeeShop.apis[1]!.inputSchema } } });
    expect(order["x-skillgate-ui"]).toEqual({ componentPath: "components/order-card/index", pagePath: "/pages/order/confirm" });
  });
});

describe("exportOpenApi for an MCP server", () => {
  const server = importMcpToolList(rideTools, {
    merchant: { slug: "swift-ride", name: "Swift Ride" },
    name: "Swift Ride MCP",
    endpointUrl: "https://mcp.swift-ride.example/mcp",
    transport: "STREAMABLE_HTTP",
    category: "mobility",
  });
  const document = exportOpenApi(server, { baseUrl });

  it("validates, with each tool as POST /tools/<name> against the endpoint", async () => {
    await expectValid(document);
    expect(document.servers).toEqual([{ url: "https://mcp.swift-ride.example/mcp" }]);
    expect(Object.keys(document.paths)).toEqual(["/tools/quote_ride", "/tools/book_ride", "/tools/cancel_ride"]);
    const quote = document.paths["/tools/quote_ride"]!.post as Record<string, unknown>;
    expect(quote).toMatchObject({
      operationId: "quote_ride",
      summary: "Quote a ride",
      requestBody: { content: { "application/json": { schema: rideTools[0]!.inputSchema } } },
      responses: { "200": { content: { "application/json": { schema: rideTools[0]!.outputSchema } } } },
      "x-skillgate-annotations": { readOnly: true },
    });
  });

  it("needs the endpoint", () => {
    expect(() => exportOpenApi({ ...server, endpointUrl: undefined }, { baseUrl })).toThrow(/endpoint URL/);
  });
});
