import type { OperationDefinition } from "../integrations/definition";
import { captureMcpServer, type McpCapture } from "./mcp-connect";
import { checkMcpCapture, checkMcpEndpoint, LATENCY_LIMIT_MS } from "./mcp-rules";
import { mcpToolToOperation } from "./mcp-tool-to-operation";
import { checkOperations } from "./tool-rules";
import type { CheckFinding, ProgressCallback } from "./types";

export type RunMcpChecksOptions = {
  url: string;
  bearerToken?: string;
  /** Production callers pass the SSRF-guarded fetch. */
  fetch: typeof fetch;
  /** Hosts ("host" or "host:port") where http is accepted, for local development and tests. */
  devHostAllowList?: readonly string[];
  timeoutMs?: number;
  onProgress?: ProgressCallback;
};

export type McpCheckResult = {
  findings: CheckFinding[];
  capture: McpCapture;
  /** Tools as operations, for storing on the IntegrationVersion. */
  operations: OperationDefinition[];
  /** Hash of the first complete listing; approval is bound to it. Null when listing failed. */
  toolListHash: string | null;
  durationMs: number;
};

/** Validate a remote MCP server: endpoint, connection (SG-MCP-*) and every tool (SG-TOOL-*). */
export async function runMcpChecks(options: RunMcpChecksOptions): Promise<McpCheckResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const timeoutMs = options.timeoutMs ?? LATENCY_LIMIT_MS;

  progress(0, "endpoint");
  const findings = checkMcpEndpoint(options.url, options.devHostAllowList ?? []);

  progress(5, "connect");
  const capture = await captureMcpServer({
    url: options.url,
    bearerToken: options.bearerToken,
    fetch: options.fetch,
    timeoutMs,
    onStep: (step) => {
      if (step === "connect") progress(35, "list");
      else if (step === "list") progress(60, "hash");
      else progress(70, "tools");
    },
  });
  findings.push(...checkMcpCapture(capture, timeoutMs));

  const operations = capture.tools.map(mcpToolToOperation);
  findings.push(
    ...checkOperations(operations, {
      onBatch: (done, total) => progress(70 + Math.floor((25 * done) / total), `tools ${done}/${total}`),
    }),
  );

  progress(100, "done");
  return {
    findings,
    capture,
    operations,
    toolListHash: capture.firstListHash ?? null,
    durationMs: Math.round(performance.now() - started),
  };
}
