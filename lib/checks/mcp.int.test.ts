import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowList } from "../net/allow-list";
import { createGuardedFetch } from "../net/guarded-fetch";
import { runMcpChecks } from "./run-mcp-checks";
import { startBadMcpServer, type RunningServer } from "./test-fixtures/bad-mcp-server";
import { startLegacySseServer } from "./test-fixtures/legacy-sse-server";
import type { CheckFinding } from "./types";

// Integration: real MCP servers on loopback. The official reference server runs as a child
// process; the bad and legacy servers are fixtures written for these tests.

const EVERYTHING = fileURLToPath(
  new URL("../../node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url),
);

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
}

/** Non-passing findings as "RULE-ID subject", sorted: what a reviewer would look at. */
function problems(findings: CheckFinding[]): string[] {
  return findings
    .filter((f) => !f.passed)
    .map((f) => `${f.ruleId}${f.subject ? ` ${f.subject}` : ""}`)
    .sort();
}

const hostOf = (url: string) => new URL(url).host;

describe("official reference server (@modelcontextprotocol/server-everything)", () => {
  let child: ChildProcess;
  let url = "";

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(process.execPath, [EVERYTHING, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: "ignore",
    });
    await waitForPort(port, 15_000);
    url = `http://127.0.0.1:${port}/mcp`;
  }, 20_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill();
  });

  it("connects over streamable HTTP, lists all tools and pins the exact findings", async () => {
    const steps: Array<[number, string]> = [];
    const result = await runMcpChecks({
      url,
      fetch,
      devHostAllowList: [hostOf(url)],
      onProgress: (pct, label) => steps.push([pct, label]),
    });
    console.info(
      `server-everything validation: ${result.durationMs} ms total, handshake ${result.capture.handshakeMs} ms, ` +
        `list ${result.capture.listMs} ms, ${result.capture.tools.length} tools, ${result.findings.length} findings`,
    );

    expect(result.capture.transport).toBe("STREAMABLE_HTTP");
    expect(result.capture.protocolVersion).toBe("2025-11-25");
    expect(result.capture.serverInfo).toMatchObject({ name: "mcp-servers/everything" });
    expect(result.capture.tools.length).toBeGreaterThan(10);
    expect(result.toolListHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.capture.secondListHash).toBe(result.toolListHash);
    expect(result.findings.find((f) => f.ruleId === "SG-MCP-003")?.passed).toBe(true);

    expect(problems(result.findings)).toEqual([
      // http on loopback is accepted only because the test allow-lists it as a development host
      "SG-MCP-002",
      // get-resource-reference's `resourceType` property has no description
      "SG-TOOL-007 get-resource-reference",
      // INFO: only get-structured-content declares an outputSchema
      "SG-TOOL-016 echo",
      "SG-TOOL-016 get-annotated-message",
      "SG-TOOL-016 get-env",
      "SG-TOOL-016 get-resource-links",
      "SG-TOOL-016 get-resource-reference",
      "SG-TOOL-016 get-sum",
      "SG-TOOL-016 get-tiny-image",
      "SG-TOOL-016 gzip-file-as-resource",
      "SG-TOOL-016 simulate-research-query",
      "SG-TOOL-016 toggle-simulated-logging",
      "SG-TOOL-016 toggle-subscriber-updates",
      "SG-TOOL-016 trigger-long-running-operation",
    ]);
    // Its schemas declare draft-07 (the SDK's zod output) and compile in that dialect.
    expect(result.findings.find((f) => f.ruleId === "SG-TOOL-004" && f.subject === "echo")?.evidence).toEqual({
      dialects: { inputSchema: "draft-07" },
    });

    const pcts = steps.map(([pct]) => pct);
    expect(pcts[0]).toBe(0);
    expect(pcts.at(-1)).toBe(100);
    expect([...pcts].sort((a, b) => a - b)).toEqual(pcts);
    expect(steps.map(([, label]) => label)).toEqual(expect.arrayContaining(["connect", "list", "hash", "done"]));
  }, 30_000);

  it("hashes the same tool list across separate sessions", async () => {
    const [a, b] = [await runMcpChecks({ url, fetch }), await runMcpChecks({ url, fetch })];
    expect(a.toolListHash).toBe(b.toolListHash);
    // without the dev-host allow-list, plain http is an error
    expect(problems(a.findings)).toContain("SG-MCP-001");
  }, 30_000);

  it("works through the SSRF-guarded fetch when loopback is allow-listed, and is refused otherwise", async () => {
    const allowed = createGuardedFetch({ allowList: parseAllowList(hostOf(url)).entries });
    const ok = await runMcpChecks({ url, fetch: allowed, devHostAllowList: [hostOf(url)] });
    expect(ok.capture.transport).toBe("STREAMABLE_HTTP");
    expect(ok.capture.tools.length).toBeGreaterThan(10);

    const refused = await runMcpChecks({ url, fetch: createGuardedFetch({ allowList: [] }) });
    expect(refused.capture.error?.stage).toBe("connect");
    expect(problems(refused.findings)).toEqual(["SG-MCP-001", "SG-MCP-003"]);
  }, 30_000);
});

describe("deliberately bad MCP server", () => {
  let bad: RunningServer;
  beforeAll(async () => {
    bad = await startBadMcpServer();
  });
  afterAll(() => bad.close());

  it("produces exactly the rule ids its defects call for", async () => {
    const result = await runMcpChecks({ url: bad.url, fetch, devHostAllowList: [hostOf(bad.url)] });
    expect(result.capture.transport).toBe("STREAMABLE_HTTP");
    expect(result.capture.pages).toBe(2); // nextCursor followed
    expect(result.capture.tools).toHaveLength(16);
    expect(result.capture.secondListHash).not.toBe(result.toolListHash);

    expect(problems(result.findings)).toEqual([
      "SG-MCP-002", // allow-listed development host
      "SG-MCP-006", // serverInfo.version is empty
      "SG-MCP-012", // server_time's description changes on every listing
      "SG-TOOL-001 get order", // space in the name
      "SG-TOOL-002 echo", // listed twice...
      "SG-TOOL-002 echo #2", // ...second occurrence
      "SG-TOOL-003 get-invoice", // differs from get_invoice only by separator
      "SG-TOOL-003 get_invoice",
      "SG-TOOL-004 broken_schema", // type "strng"
      "SG-TOOL-005 list_items", // array input schema
      "SG-TOOL-006 create_ticket", // requires undeclared `priority`
      "SG-TOOL-007 update_profile", // undescribed properties
      "SG-TOOL-008 ping", // no annotations at all
      "SG-TOOL-009 delete_account", // delete tool marked read-only
      "SG-TOOL-010 refund_order", // refund tool neither destructive nor moving money
      "SG-TOOL-011 search_orders", // zero-width space
      "SG-TOOL-012 search_orders", // "ignore previous instructions"
      "SG-TOOL-013 mystery", // no description
      "SG-TOOL-014 ping", // "Ping." is too short
      "SG-TOOL-015 verbose", // > 1024 characters
      "SG-TOOL-016 mystery", // INFO: no output schema
    ]);
    const levels = Object.fromEntries(result.findings.filter((f) => !f.passed).map((f) => [f.ruleId, f.level]));
    expect(levels).toMatchObject({ "SG-TOOL-009": "ERROR", "SG-TOOL-010": "WARNING", "SG-MCP-012": "ERROR", "SG-TOOL-016": "INFO" });
  }, 30_000);
});

describe("transport fallback and timeouts", () => {
  it("falls back to legacy HTTP+SSE and warns", async () => {
    const legacy = await startLegacySseServer();
    try {
      const result = await runMcpChecks({ url: legacy.url, fetch, devHostAllowList: [hostOf(legacy.url)] });
      expect(result.capture.transport).toBe("SSE");
      expect(result.capture.streamableHttpError).toBeTruthy();
      expect(result.capture.tools.map((t) => t.name)).toEqual(["get_weather"]);
      expect(problems(result.findings)).toEqual(["SG-MCP-002", "SG-MCP-004"]);
    } finally {
      await legacy.close();
    }
  }, 30_000);

  it("gives up on a server that never answers, without trying SSE", async () => {
    const hanging = http.createServer(() => {}); // accepts, never responds
    await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`;
    try {
      const started = Date.now();
      const result = await runMcpChecks({ url, fetch, devHostAllowList: [hostOf(url)], timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result.capture.error).toMatchObject({ stage: "connect", timedOut: true });
      expect(result.capture.sseError).toBeUndefined();
      expect(problems(result.findings)).toEqual(["SG-MCP-002", "SG-MCP-003", "SG-MCP-010"]);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((r) => hanging.close(() => r()));
    }
  }, 30_000);
});
