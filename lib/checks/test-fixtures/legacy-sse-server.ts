import http from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { RunningServer } from "./bad-mcp-server";

// An MCP server that only speaks the legacy HTTP+SSE transport (GET /mcp opens the event
// stream, POST /messages carries requests); POST /mcp answers 405 as such servers do.

const tool = {
  name: "get_weather",
  title: "Get weather",
  description: "Returns today's weather for a city in the test world.",
  inputSchema: { type: "object", properties: { city: { type: "string", description: "City name" } }, required: ["city"] },
  outputSchema: { type: "object", properties: { summary: { type: "string", description: "One-line forecast" } } },
  annotations: { readOnlyHint: true },
};

export async function startLegacySseServer(): Promise<RunningServer> {
  const transports = new Map<string, SSEServerTransport>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/mcp") {
      const transport = new SSEServerTransport("/messages", res);
      transports.set(transport.sessionId, transport);
      res.on("close", () => transports.delete(transport.sessionId));
      const mcp = new McpServer({ name: "legacy-sse-server", version: "0.9.0" }, { capabilities: { tools: {} } });
      mcp.server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [tool] }) as never);
      await mcp.connect(transport);
      return;
    }
    if (req.method === "POST" && url.pathname === "/messages") {
      const transport = transports.get(url.searchParams.get("sessionId") ?? "");
      if (!transport) return void res.writeHead(404).end();
      await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
