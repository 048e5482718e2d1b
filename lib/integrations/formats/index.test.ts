import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import coffeeShop from "@/lib/integrations/formats/fixtures/coffee-shop.mcp.json";
import { rideTools } from "@/lib/integrations/formats/fixtures/ride-tools";
import {
  exportFormats,
  exportIntegration,
  FormatExportError,
  importIntegration,
  isExportFormat,
} from "@/lib/integrations/formats";
import { integrationImportSchema } from "@/lib/validation/integration-import";

const merchant = { slug: "lucky-bean", name: "幸运豆咖啡" };
const options = { baseUrl: "https://skillgate.example" };

function importCoffee() {
  const input = integrationImportSchema.parse({ format: "wechat-mcp-json", payload: JSON.stringify(coffeeShop) });
  const result = importIntegration(input, { merchant, category: "food" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

describe("exportIntegration", () => {
  const definition = importCoffee();

  it("exports a definition to every format under the name each ecosystem expects", () => {
    const files = exportFormats.map((format) => exportIntegration(definition, format, options));
    expect(files.map((file) => file.filename)).toEqual(["server.json", "agent-card.json", "openapi.json", "mcp.json"]);
    for (const file of files) expect(file.contentType).toBe("application/json");
  });

  it("keeps every operation in every format", async () => {
    const names = ["searchMenu", "placeOrder", "getOrderStatus"];
    const body = (format: (typeof exportFormats)[number]) =>
      exportIntegration(definition, format, options).body as Record<string, unknown>;
    const publisher = (body("mcp-server-json")._meta as Record<string, { skillgate: { tools: string[] } }>)[
      "io.modelcontextprotocol.registry/publisher-provided"
    ];
    expect(publisher?.skillgate.tools).toEqual(names);
    expect((body("a2a-agent-card").skills as Array<{ id: string }>).map((skill) => skill.id)).toEqual(names);
    const openapi = body("openapi");
    expect(Object.values(openapi.paths as object).map((item) => item.post.operationId)).toEqual(names);
    expect((await new Validator().validate(openapi)).valid).toBe(true);
    expect(body("wechat-mcp-json")).toEqual(coffeeShop);
  });

  it("passes FormatExportError through for what a format cannot express", () => {
    expect(() =>
      exportIntegration({ ...definition, kind: "MCP_SERVER" }, "mcp-server-json", options),
    ).toThrow(FormatExportError);
  });

  it("recognises format names", () => {
    expect(isExportFormat("openapi")).toBe(true);
    expect(isExportFormat("swagger")).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
  });
});

describe("importIntegration", () => {
  it("imports a WeChat manifest, named by the request when given", () => {
    const input = integrationImportSchema.parse({ format: "wechat-mcp-json", name: "咖啡点单", payload: coffeeShop });
    const result = importIntegration(input, { merchant });
    expect(result.ok && result.definition.name).toBe("咖啡点单");
    expect(result.ok && result.definition.operations).toHaveLength(3);
  });

  it("imports a tool list into an MCP server at the given endpoint", () => {
    const input = integrationImportSchema.parse({
      format: "mcp-tools",
      name: "Swift Ride MCP",
      endpointUrl: "https://mcp.swift-ride.example/mcp",
      payload: JSON.stringify({ tools: rideTools }),
    });
    const result = importIntegration(input, { merchant: { slug: "swift-ride", name: "Swift Ride" }, category: "mobility" });
    expect(result.ok && result.definition).toMatchObject({
      kind: "MCP_SERVER",
      endpointUrl: "https://mcp.swift-ride.example/mcp",
      transport: "STREAMABLE_HTTP",
      category: "mobility",
    });
  });

  it("reports payload problems with their paths", () => {
    const bad = structuredClone(coffeeShop) as { apis: Record<string, unknown>[] };
    bad.apis[2]!.inputSchema = 42;
    const wechat = importIntegration(integrationImportSchema.parse({ format: "wechat-mcp-json", payload: bad }), { merchant });
    expect(wechat).toEqual({ ok: false, errors: [{ path: "apis[2].inputSchema", message: "must be an object" }] });

    const base = { format: "mcp-tools", name: "x", endpointUrl: "https://mcp.example/mcp" };
    expect(importIntegration(integrationImportSchema.parse({ ...base, payload: "[{" }), { merchant })).toMatchObject({
      ok: false,
      errors: [{ path: "payload", message: expect.stringMatching(/^is not valid JSON/) }],
    });
    expect(importIntegration(integrationImportSchema.parse(base), { merchant })).toMatchObject({
      ok: false,
      errors: [{ path: "payload" }],
    });
    expect(
      importIntegration(integrationImportSchema.parse({ ...base, payload: [{ name: "a", inputSchema: [] }] }), { merchant }),
    ).toEqual({ ok: false, errors: [{ path: "tools[0].inputSchema", message: "must be an object" }] });
  });
});
