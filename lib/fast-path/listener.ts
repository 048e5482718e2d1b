// The production server's request listener (scripts/runtime/server.ts): the policy hot paths are
// answered here, directly on Node's HTTP server, and every other request goes to Next.js.
//
// Why: Next.js's request pipeline costs about 1.2 ms of CPU per request on our 2-core machine
// even for a route that returns a constant, while a policy decision itself costs ~60 µs; agent
// runtimes ask before every action, so the decision API skips the pipeline. Nothing is
// duplicated: the handlers are the ones the Next.js routes call (lib/fast-path/contract.ts),
// and the response carries the same status, body and headers, including the security headers
// next.config.ts adds to every response. Only GET and HEAD on exact paths are taken; anything
// else (other methods, trailing slashes, odd encodings) and any handler failure is Next's.
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { HandlerResult, HeaderReader } from "@/lib/api/handler-result";
import { securityHeaders } from "@/lib/security-headers";
import { publishedFastPathHandlers, type FastPathHandlers } from "./contract";

export const DECISION_PATH = "/api/v1/policy/decision";
/** A constant answer from this listener: liveness without Next.js, and the benchmark's baseline. */
export const FAST_HEALTH_PATH = "/api/v1/health/fast";
/** `x-skillgate-fast-path: off` sends a request through Next.js: to compare the two in production (e2e). */
export const BYPASS_HEADER = "x-skillgate-fast-path";
const AGENT_POLICY_PATH = /^\/api\/v1\/merchants\/([^/]+)\/agent-policy\.json$/;

const baseHeaders: Record<string, string> = Object.fromEntries(securityHeaders.map((h) => [h.key, h.value]));
const healthResult: HandlerResult = { status: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ok: true }) };

export type FastPathOptions = {
  /** Where everything else goes: Next.js's request handler. */
  next: RequestListener;
  /** Defaults to the handlers instrumentation.ts published. */
  handlers?: () => FastPathHandlers | undefined;
  /** false sends every request to Next.js (SKILLGATE_FAST_PATH=0). */
  enabled?: boolean;
  onError?: (error: unknown, request: IncomingMessage) => void;
};

export function headerReader(headers: IncomingHttpHeaders): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/** Like Next.js's compression, but only where it pays: bodies of 1 KiB and more (agent-policy.json). */
const GZIP_FROM_BYTES = 1024;

type Prepared = { headers: Record<string, string | number>; body: string | null; bytes: number };

/**
 * A result's response headers and body as sent without compression, worked out once per result
 * object: the decision API hands back the same object for a remembered answer (and the health
 * route always does), so the hot path writes prepared bytes instead of merging headers again.
 */
const preparedResults = new WeakMap<HandlerResult, Prepared>();

function prepare(result: HandlerResult): Prepared {
  let prepared = preparedResults.get(result);
  if (!prepared) {
    const vary = result.headers.Vary;
    const headers: Record<string, string | number> = { ...baseHeaders, ...result.headers, Vary: vary ? `${vary}, Accept-Encoding` : "Accept-Encoding" };
    // A string body lets Node write the head and the body with one system call.
    const bytes = result.body === null ? 0 : Buffer.byteLength(result.body);
    if (result.body !== null) headers["Content-Length"] = bytes;
    prepared = { headers, body: result.body, bytes };
    preparedResults.set(result, prepared);
  }
  return prepared;
}

function send(request: IncomingMessage, response: ServerResponse, result: HandlerResult, head: boolean): void {
  const prepared = prepare(result);
  let { headers, body }: { headers: Prepared["headers"]; body: string | Buffer | null } = prepared;
  if (body !== null && prepared.bytes >= GZIP_FROM_BYTES && /\bgzip\b/i.test(request.headers["accept-encoding"] ?? "")) {
    body = gzipSync(body);
    headers = { ...headers, "Content-Encoding": "gzip", "Content-Length": body.length };
  }
  response.writeHead(result.status, headers);
  response.end(head || body === null ? undefined : body);
}

function slugOf(pathname: string): string | undefined {
  const match = AGENT_POLICY_PATH.exec(pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined; // malformed escapes: Next.js answers those as it always did
  }
}

export function createFastPathListener(options: FastPathOptions): RequestListener {
  const { next, handlers = publishedFastPathHandlers, enabled = true } = options;
  const onError = options.onError ?? ((error) => console.error("[fast-path] handler failed; Next.js answers instead:", error));

  return (request, response) => {
    const method = request.method;
    const url = request.url ?? "";
    if (!enabled || (method !== "GET" && method !== "HEAD") || !url.startsWith("/api/v1/") || request.headers[BYPASS_HEADER] === "off") {
      return void next(request, response);
    }
    const head = method === "HEAD";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);

    if (pathname === FAST_HEALTH_PATH) {
      return send(request, response, healthResult, head);
    }
    const published = handlers();
    let pending: HandlerResult | Promise<HandlerResult> | undefined;
    try {
      if (published && pathname === DECISION_PATH) {
        pending = published.decision(queryAt === -1 ? "" : url.slice(queryAt + 1), headerReader(request.headers));
      } else if (published && pathname.endsWith("/agent-policy.json")) {
        const slug = slugOf(pathname);
        if (slug !== undefined) pending = published.agentPolicy(slug, headerReader(request.headers));
      }
    } catch (error) {
      pending = Promise.reject(error);
    }
    if (!pending) return void next(request, response);
    if (!(pending instanceof Promise)) return send(request, response, pending, head);
    pending.then(
      (result) => send(request, response, result, head),
      (error) => {
        onError(error, request);
        if (!response.headersSent) void next(request, response);
      },
    );
  };
}
