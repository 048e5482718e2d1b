import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import * as z from "zod";
import { toolListHash } from "./hash";
import { TimeoutError, withTimeout } from "./with-timeout";

// Connects to a merchant's MCP server and captures what validation needs. All network access
// goes through the injected `fetch` (production passes the SSRF-guarded one). Never throws for
// a misbehaving server: failures are returned in `error` so the rules can report them.

export type McpTransportKind = "STREAMABLE_HTTP" | "SSE";
export type RawMcpTool = Record<string, unknown>;
export type CaptureStage = "connect" | "list" | "second-list";

export type McpCapture = {
  url: string;
  transport?: McpTransportKind;
  /** Version the server answered initialize with, even when the client rejected it. */
  protocolVersion?: string;
  serverInfo?: Record<string, unknown>;
  capabilities?: Record<string, unknown>;
  instructions?: string;
  tools: RawMcpTool[];
  /** tools/list pages fetched for the first listing. */
  pages: number;
  handshakeMs?: number;
  /** Duration of the first complete listing (all pages). */
  listMs?: number;
  firstListHash?: string;
  secondListHash?: string;
  /** Why streamable HTTP failed when the SSE fallback was used or also failed. */
  streamableHttpError?: string;
  /** Why the SSE fallback failed too. */
  sseError?: string;
  error?: { stage: CaptureStage; message: string; timedOut: boolean };
};

export type CaptureOptions = {
  url: string;
  bearerToken?: string;
  fetch: typeof fetch;
  /** Limit for the handshake and, separately, for each complete listing. */
  timeoutMs?: number;
  /** Called after each step (connect, first list, second list). */
  onStep?: (step: CaptureStage) => void;
};

export const MAX_LIST_PAGES = 100;
const CLIENT_INFO = { name: "skillgate-validator", version: "1.0.0" };
const CLOSE_TIMEOUT_MS = 2000;

// Loose on purpose: the tool entries are validated by our rules, not by the SDK's schema,
// which would reject the whole list for one bad tool.
const looseToolList = z.looseObject({
  tools: z.array(z.record(z.string(), z.unknown())),
  nextCursor: z.string().optional(),
});

function isTimeout(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof McpError && error.code === ErrorCode.RequestTimeout);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Passes everything through and shows us the raw initialize result. */
class TapTransport implements Transport {
  onclose?: Transport["onclose"];
  onerror?: Transport["onerror"];
  onmessage?: Transport["onmessage"];
  initializeResult?: Record<string, unknown>;

  constructor(readonly inner: Transport) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onmessage = (message: JSONRPCMessage, extra) => {
      if (!this.initializeResult && "result" in message) {
        const result = message.result as Record<string, unknown>;
        if (typeof result?.protocolVersion === "string") this.initializeResult = result;
      }
      this.onmessage?.(message, extra);
    };
    await this.inner.start();
  }

  send(...args: Parameters<Transport["send"]>): Promise<void> {
    return this.inner.send(...args);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

type Connected = { client: Client; tap: TapTransport; kind: McpTransportKind };

function makeTransport(kind: McpTransportKind, url: URL, options: CaptureOptions): Transport {
  const requestInit: RequestInit = options.bearerToken
    ? { headers: { Authorization: `Bearer ${options.bearerToken}` } }
    : {};
  // "follow" hands redirects to `fetch`, and the guarded fetch never follows them: with the SDK's
  // default ("same-origin") the transport would re-issue the request to the Location itself.
  return kind === "STREAMABLE_HTTP"
    ? new StreamableHTTPClientTransport(url, { fetch: options.fetch, requestInit, redirectPolicy: "follow", reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 } })
    : new SSEClientTransport(url, { fetch: options.fetch, requestInit, redirectPolicy: "follow" });
}

async function connectWith(kind: McpTransportKind, url: URL, options: CaptureOptions, timeoutMs: number) {
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  client.onerror = () => {}; // stream hiccups after the handshake are not validation failures
  const tap = new TapTransport(makeTransport(kind, url, options));
  try {
    await withTimeout(client.connect(tap, { timeout: timeoutMs }), timeoutMs, "MCP handshake");
    return { ok: true as const, connected: { client, tap, kind } };
  } catch (error) {
    await closeQuietly(client, tap);
    return { ok: false as const, error, tap };
  }
}

async function closeQuietly(client: Client, tap: TapTransport): Promise<void> {
  const inner = tap.inner;
  if (inner instanceof StreamableHTTPClientTransport && inner.sessionId) {
    await withTimeout(inner.terminateSession(), CLOSE_TIMEOUT_MS, "session end").catch(() => {});
  }
  await withTimeout(client.close(), CLOSE_TIMEOUT_MS, "close").catch(() => {});
}

async function listAllTools(client: Client, timeoutMs: number): Promise<{ tools: RawMcpTool[]; pages: number }> {
  const deadline = Date.now() + timeoutMs;
  const tools: RawMcpTool[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const remaining = Math.max(1, deadline - Date.now());
    const page = await withTimeout(
      client.request({ method: "tools/list", params: cursor === undefined ? {} : { cursor } }, looseToolList, { timeout: remaining }),
      remaining,
      "tools/list",
    );
    pages += 1;
    tools.push(...page.tools);
    cursor = page.nextCursor;
    if (cursor !== undefined) {
      if (seenCursors.has(cursor)) throw new Error(`tools/list repeated the cursor "${cursor}" (paging loop)`);
      if (pages >= MAX_LIST_PAGES) throw new Error(`tools/list returned more than ${MAX_LIST_PAGES} pages`);
      seenCursors.add(cursor);
    }
  } while (cursor !== undefined);
  return { tools, pages };
}

export async function captureMcpServer(options: CaptureOptions): Promise<McpCapture> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const capture: McpCapture = { url: options.url, tools: [], pages: 0 };
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    capture.error = { stage: "connect", message: `Invalid URL: ${options.url}`, timedOut: false };
    return capture;
  }

  const started = performance.now();
  let attempt = await connectWith("STREAMABLE_HTTP", url, options, timeoutMs);
  // Fall back to the legacy transport only when the server did not speak streamable HTTP at all:
  // not after a timeout, and not when it answered initialize (e.g. with a bad protocol version).
  if (!attempt.ok && !isTimeout(attempt.error) && !attempt.tap.initializeResult) {
    capture.streamableHttpError = messageOf(attempt.error);
    const fallback = await connectWith("SSE", url, options, timeoutMs);
    if (fallback.ok) attempt = fallback;
    else capture.sseError = messageOf(fallback.error);
  }
  capture.handshakeMs = Math.round(performance.now() - started);

  const init = attempt.ok ? attempt.connected.tap.initializeResult : attempt.tap.initializeResult;
  if (init) {
    capture.protocolVersion = init.protocolVersion as string;
    if (typeof init.serverInfo === "object" && init.serverInfo) capture.serverInfo = init.serverInfo as Record<string, unknown>;
    if (typeof init.capabilities === "object" && init.capabilities) capture.capabilities = init.capabilities as Record<string, unknown>;
    if (typeof init.instructions === "string") capture.instructions = init.instructions;
  }
  if (!attempt.ok) {
    capture.error = { stage: "connect", message: messageOf(attempt.error), timedOut: isTimeout(attempt.error) };
    options.onStep?.("connect");
    return capture;
  }
  options.onStep?.("connect");

  const { client, tap, kind } = attempt.connected;
  capture.transport = kind;
  if (kind === "STREAMABLE_HTTP") delete capture.streamableHttpError;
  let stage: CaptureStage = "list";
  const listStarted = performance.now();
  try {
    const first = await listAllTools(client, timeoutMs);
    capture.listMs = Math.round(performance.now() - listStarted);
    capture.tools = first.tools;
    capture.pages = first.pages;
    capture.firstListHash = toolListHash(first.tools);
    options.onStep?.("list");

    stage = "second-list";
    const second = await listAllTools(client, timeoutMs);
    capture.secondListHash = toolListHash(second.tools);
    options.onStep?.("second-list");
  } catch (error) {
    if (stage === "list") capture.listMs = Math.round(performance.now() - listStarted);
    capture.error = { stage, message: messageOf(error), timedOut: isTimeout(error) };
  } finally {
    await closeQuietly(client, tap);
  }
  return capture;
}
