import http from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { ListToolsRequestSchema, type ListToolsRequest } from "@modelcontextprotocol/sdk/types.js";

// A test MCP server on a free loopback port (official SDK, streamable HTTP, stateless, JSON
// responses) whose tools/list answer comes from the test: raw tool objects, so tests can serve
// deliberately malformed or changing tool lists.

export type RunningServer = { url: string; close: () => Promise<void> };

export async function serveMcpTools({
  serverInfo,
  listTools,
}: {
  serverInfo: { name: string; version: string };
  listTools: (request: ListToolsRequest) => { tools: Array<Record<string, unknown>>; nextCursor?: string };
}): Promise<RunningServer & { port: number }> {
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url !== "/mcp" || req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    const mcp = new McpServer(serverInfo, { capabilities: { tools: {} } });
    mcp.server.setRequestHandler(ListToolsRequestSchema, async (request) => listTools(request) as never);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  };
  const server = http.createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
