import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { finding } from "./catalogue";
import { classifyEndpoint } from "./endpoint-policy";
import type { McpCapture } from "./mcp-connect";
import type { CheckFinding } from "./types";

// SG-MCP-* checks: pure functions of the endpoint URL and a capture. A step that could not run
// because an earlier one failed produces no finding (the earlier failure says why).

export const LATENCY_LIMIT_MS = 10_000;

export function checkMcpEndpoint(url: string, devHostAllowList: readonly string[]): CheckFinding[] {
  const verdict = classifyEndpoint(url, devHostAllowList);
  if (!verdict.valid) {
    return [
      finding("SG-MCP-001", false, {
        message: { en: `Endpoint URL is invalid: ${verdict.reason}`, zh: `端点 URL 无效：${verdict.reason}` },
        evidence: { url },
      }),
    ];
  }
  const evidence = { url, scheme: verdict.url.protocol.replace(":", ""), host: verdict.url.host };
  return [
    verdict.allowed
      ? finding("SG-MCP-001", true, { evidence })
      : finding("SG-MCP-001", false, {
          message: { en: `Endpoint uses http on ${verdict.url.host}, which is not an allow-listed development host`, zh: `端点在 ${verdict.url.host} 上使用 http，该主机不在开发白名单中` },
          evidence,
        }),
    verdict.devHost
      ? finding("SG-MCP-002", false, {
          message: { en: `Endpoint ${verdict.url.host} is an allow-listed development host`, zh: `端点 ${verdict.url.host} 是白名单中的开发主机` },
          evidence,
        })
      : finding("SG-MCP-002", true, { evidence }),
  ];
}

function latency(ruleId: "SG-MCP-010" | "SG-MCP-011", ms: number, limitMs: number): CheckFinding {
  const what = ruleId === "SG-MCP-010" ? { en: "Handshake", zh: "握手" } : { en: "Listing all tools", zh: "列出全部工具" };
  return ms <= limitMs
    ? finding(ruleId, true, { durationMs: ms, evidence: { ms, limitMs } })
    : finding(ruleId, false, {
        durationMs: ms,
        message: { en: `${what.en} took ${ms} ms (limit ${limitMs} ms)`, zh: `${what.zh}耗时 ${ms} 毫秒（上限 ${limitMs} 毫秒）` },
        evidence: { ms, limitMs },
      });
}

export function checkMcpCapture(capture: McpCapture, limitMs = LATENCY_LIMIT_MS): CheckFinding[] {
  const out: CheckFinding[] = [];
  const error = capture.error;
  const versionSupported =
    capture.protocolVersion !== undefined && (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(capture.protocolVersion);
  const versionFinding = () =>
    versionSupported
      ? finding("SG-MCP-005", true, { evidence: { protocolVersion: capture.protocolVersion } })
      : finding("SG-MCP-005", false, {
          message: { en: `Protocol version "${capture.protocolVersion}" is not supported`, zh: `协议版本“${capture.protocolVersion}”不受支持` },
          evidence: { protocolVersion: capture.protocolVersion ?? null, supported: SUPPORTED_PROTOCOL_VERSIONS },
        });

  if (error?.stage === "connect") {
    out.push(
      finding("SG-MCP-003", false, {
        durationMs: capture.handshakeMs,
        message: { en: `Could not connect: ${error.message}`, zh: `无法连接：${error.message}` },
        evidence: { error: error.message, streamableHttpError: capture.streamableHttpError, sseError: capture.sseError },
      }),
    );
    if (capture.protocolVersion !== undefined) out.push(versionFinding());
    if (error.timedOut) out.push(latency("SG-MCP-010", Math.max(capture.handshakeMs ?? 0, limitMs + 1), limitMs));
    return out;
  }

  out.push(finding("SG-MCP-003", true, { durationMs: capture.handshakeMs, evidence: { transport: capture.transport } }));
  out.push(
    capture.transport === "STREAMABLE_HTTP"
      ? finding("SG-MCP-004", true, { evidence: { transport: capture.transport } })
      : finding("SG-MCP-004", false, {
          message: { en: "Connected over legacy HTTP+SSE after streamable HTTP failed", zh: "Streamable HTTP 失败后通过旧版 HTTP+SSE 连接" },
          evidence: { transport: capture.transport, streamableHttpError: capture.streamableHttpError },
        }),
  );
  out.push(versionFinding());

  const info = capture.serverInfo ?? {};
  const hasInfo = typeof info.name === "string" && info.name !== "" && typeof info.version === "string" && info.version !== "";
  const infoEvidence = { serverInfo: capture.serverInfo ?? null, capabilities: capture.capabilities ?? null, instructions: capture.instructions };
  out.push(
    hasInfo
      ? finding("SG-MCP-006", true, { evidence: infoEvidence })
      : finding("SG-MCP-006", false, {
          message: { en: "serverInfo lacks a name or a version", zh: "serverInfo 缺少名称或版本" },
          evidence: infoEvidence,
        }),
  );
  const toolsCapability = capture.capabilities?.tools;
  out.push(
    typeof toolsCapability === "object" && toolsCapability !== null
      ? finding("SG-MCP-007", true, { evidence: { tools: toolsCapability } })
      : finding("SG-MCP-007", false, {
          message: { en: "The initialize result does not declare capabilities.tools", zh: "initialize 结果未声明 capabilities.tools" },
          evidence: { capabilities: capture.capabilities ?? null },
        }),
  );
  out.push(latency("SG-MCP-010", capture.handshakeMs ?? 0, limitMs));

  if (error?.stage === "list") {
    out.push(
      finding("SG-MCP-008", false, {
        durationMs: capture.listMs,
        message: { en: `tools/list failed: ${error.message}`, zh: `tools/list 失败：${error.message}` },
        evidence: { error: error.message },
      }),
    );
    if (error.timedOut) out.push(latency("SG-MCP-011", Math.max(capture.listMs ?? 0, limitMs + 1), limitMs));
    return out;
  }

  out.push(finding("SG-MCP-008", true, { durationMs: capture.listMs, evidence: { pages: capture.pages, tools: capture.tools.length } }));
  out.push(
    capture.tools.length > 0
      ? finding("SG-MCP-009", true, { evidence: { tools: capture.tools.length } })
      : finding("SG-MCP-009", false, { message: { en: "The server lists no tools", zh: "服务器未列出任何工具" } }),
  );
  out.push(latency("SG-MCP-011", capture.listMs ?? 0, limitMs));

  if (error?.stage === "second-list") {
    out.push(
      finding("SG-MCP-012", false, {
        message: { en: `The second tools/list failed: ${error.message}`, zh: `第二次 tools/list 失败：${error.message}` },
        evidence: { firstHash: capture.firstListHash, error: error.message },
      }),
    );
    return out;
  }
  const evidence = { firstHash: capture.firstListHash, secondHash: capture.secondListHash };
  out.push(
    capture.firstListHash !== undefined && capture.firstListHash === capture.secondListHash
      ? finding("SG-MCP-012", true, { evidence })
      : finding("SG-MCP-012", false, {
          message: { en: "Two consecutive tool listings differ", zh: "连续两次列出的工具不一致" },
          evidence,
        }),
  );
  return out;
}
