import { describe, expect, it } from "vitest";
import { formatPath } from "@/lib/integrations/formats/import-issues";
import { integrationImportSchema } from "@/lib/validation/integration-import";

function errors(body: unknown) {
  const result = integrationImportSchema.safeParse(body);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

describe("integrationImportSchema", () => {
  it("accepts a WeChat manifest as an object or as text", () => {
    expect(integrationImportSchema.parse({ format: "wechat-mcp-json", payload: { apis: [] } })).toEqual({
      format: "wechat-mcp-json",
      payload: { apis: [] },
    });
    expect(integrationImportSchema.parse({ format: "wechat-mcp-json", payload: ' {"apis":[]} ', name: " 点单 " })).toEqual({
      format: "wechat-mcp-json",
      payload: '{"apis":[]}',
      name: "点单",
    });
  });

  it("defaults the MCP transport and lets the payload be fetched later", () => {
    expect(
      integrationImportSchema.parse({ format: "mcp-tools", name: "Ride", endpointUrl: "https://mcp.example/mcp" }),
    ).toEqual({ format: "mcp-tools", name: "Ride", endpointUrl: "https://mcp.example/mcp", transport: "STREAMABLE_HTTP" });
  });

  it("says which field is wrong", () => {
    expect(errors({ format: "swagger" })).toEqual(['format: must be one of "wechat-mcp-json", "mcp-tools"']);
    expect(errors({ format: "wechat-mcp-json" })).toEqual(["payload: is required"]);
    expect(errors({ format: "wechat-mcp-json", payload: 7 })).toEqual(["payload: must be JSON text, an object or an array"]);
    expect(errors({ format: "wechat-mcp-json", payload: "   " })).toEqual(["payload: must not be empty"]);
    expect(errors({ format: "mcp-tools", endpointUrl: "ftp://mcp.example", transport: "stdio" })).toEqual([
      "name: is required",
      "endpointUrl: must be an http(s) URL",
      'transport: must be "STREAMABLE_HTTP" or "SSE"',
    ]);
  });

  it("refuses oversized text payloads before anything parses them", () => {
    expect(errors({ format: "wechat-mcp-json", payload: "x".repeat(1_000_001) })).toEqual([
      "payload: must be at most 1000000 characters",
    ]);
  });
});
