// An MCP server whose tool list the test changes between listings, to play a merchant server
// that drifts after approval.
import { serveMcpTools } from "@/lib/checks/test-fixtures/serve-mcp-tools";

export type Tool = Record<string, unknown>;

export function shopTool(name: string, annotations: Record<string, unknown> = { readOnlyHint: true }, extra: Tool = {}): Tool {
  return {
    name,
    title: `Tool ${name}`,
    description: `Runs ${name} for the test coffee shop.`,
    inputSchema: { type: "object", properties: { id: { type: "string", description: "Identifier" } }, required: ["id"] },
    annotations,
    ...extra,
  };
}

export async function startChangingMcpServer(initial: Tool[]) {
  let tools = initial;
  const server = await serveMcpTools({ serverInfo: { name: "drifting-shop", version: "1.0.0" }, listTools: () => ({ tools }) });
  return {
    ...server,
    setTools: (next: Tool[]) => {
      tools = next;
    },
  };
}
