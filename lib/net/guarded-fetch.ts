import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { Readable, pipeline } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { vetConnectedAddress } from "./address-policy";
import { readOutboundAllowList, type AllowList } from "./allow-list";
import { GuardedFetchError } from "./guarded-fetch-error";
import { toOutboundRequest, type OutboundRequest } from "./outbound-request";
import {
  checkOutboundUrl,
  resolveVettedAddresses,
  systemResolver,
  type Resolver,
  type VettedAddress,
} from "./resolve-outbound-target";
import type { OutboundUrl } from "./url-policy";

/**
 * The one client for every request to a merchant URL (MCP validation, Skill endpoint checks,
 * webhooks). It is fetch-compatible, so it can be handed to the MCP SDK transports as `fetch`.
 *
 * - Only http/https; no credentials in the URL; IP literals vetted before anything else.
 * - Host names are resolved once (all A/AAAA records); if any address is not public unicast the
 *   request is refused. The socket is then pinned to the vetted addresses (no second lookup, so
 *   DNS rebinding cannot swap the target), and the address actually connected to is vetted again
 *   before a byte of the request is sent.
 * - Redirects are never followed: a 3xx comes back as it is, with its Location header.
 * - Timeouts: connect (DNS + TCP + TLS), response headers, and a total deadline that runs until
 *   the body has been read. `totalTimeoutMs: 0` (per client or per call, see GuardedRequestInit)
 *   turns the total deadline off for long-lived streams such as SSE; the caller's AbortSignal
 *   then owns the lifetime, and the connect and headers timeouts still apply.
 * - The response body is streamed and errors with `response_too_large` past `maxResponseBytes`.
 * - Sends `Accept-Encoding: identity`, so the byte cap counts real bytes and no decompression
 *   bomb can get past it; a server that compresses anyway is passed through undecoded.
 */

export type GuardedFetchOptions = {
  /** Defaults to readOutboundAllowList() (the environment) at creation time. */
  allowList?: AllowList;
  /** Refuse http: except for allow-listed dev hosts (Skill endpoint checks). */
  requireHttps?: boolean;
  /** DNS + TCP + TLS handshake. For every timeout, 0 means none. */
  connectTimeoutMs?: number;
  /** From connected to the response headers. */
  headersTimeoutMs?: number;
  /** From the call to the end of the body; 0 for long-lived streams such as SSE. */
  totalTimeoutMs?: number;
  maxResponseBytes?: number;
  /** Injected in tests; defaults to the system resolver (getaddrinfo, all records). */
  resolver?: Resolver;
  userAgent?: string;
  /** Trusted CA certificates for https, replacing the default roots as in tls.connect (tests, dev mock merchants). */
  ca?: string | Buffer | Array<string | Buffer>;
};

/** fetch's init, plus a per-call total deadline (0 = none) for streaming calls. */
export type GuardedRequestInit = RequestInit & { totalTimeoutMs?: number };

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_USER_AGENT = "Skillgate/1.0 (merchant integration client)";

type ExchangeConfig = {
  allowList: AllowList;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  resolver: Resolver;
  userAgent: string;
  ca: GuardedFetchOptions["ca"];
};

export function createGuardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const allowList = options.allowList ?? readOutboundAllowList();
  const config: ExchangeConfig = {
    allowList,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    resolver: options.resolver ?? systemResolver,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    ca: options.ca,
  };

  for (const name of ["connectTimeoutMs", "headersTimeoutMs", "totalTimeoutMs", "maxResponseBytes"] as const) {
    assertLimit(name, config[name]);
  }

  const guardedFetch = async (input: RequestInfo | URL, init?: GuardedRequestInit): Promise<Response> => {
    const totalTimeoutMs = init?.totalTimeoutMs ?? config.totalTimeoutMs;
    assertLimit("totalTimeoutMs", totalTimeoutMs);
    const request = await toOutboundRequest(input, init);
    const target = checkOutboundUrl(request.url, { allowList, requireHttps: options.requireHttps });
    request.signal?.throwIfAborted();
    return exchange(target, request, { ...config, totalTimeoutMs });
  };
  return guardedFetch as typeof fetch;
}

// A NaN or negative limit would silently mean "no limit"; refuse it instead.
function assertLimit(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "te", "upgrade", "host", "content-length", "accept-encoding"];

function exchange(target: OutboundUrl, request: OutboundRequest, config: ExchangeConfig): Promise<Response> {
  const { url, port } = target;
  const href = url.href;
  const isHttps = url.protocol === "https:";

  return new Promise<Response>((resolve, reject) => {
    let done = false;
    let responded = false;
    let socket: net.Socket | undefined;
    let clientRequest: http.ClientRequest | undefined;
    let incoming: http.IncomingMessage | undefined;
    let bodyController: ReadableStreamDefaultController<Uint8Array> | undefined;
    const timers: NodeJS.Timeout[] = [];

    const teardown = () => {
      done = true;
      for (const timer of timers) clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      incoming?.destroy();
      clientRequest?.destroy();
      socket?.destroy();
    };
    // Settles the exchange with an error: rejects the fetch, or errors the body once it was returned.
    const fail = (error: unknown) => {
      if (done) return;
      teardown();
      if (!responded) reject(error);
      else bodyController?.error(error);
    };
    const startTimer = (ms: number, makeError: () => GuardedFetchError): (() => void) => {
      if (ms <= 0) return () => {};
      const timer = setTimeout(() => fail(makeError()), ms);
      timers.push(timer);
      return () => clearTimeout(timer);
    };
    function onAbort() {
      fail(request.signal?.reason ?? new DOMException("This operation was aborted", "AbortError"));
    }
    request.signal?.addEventListener("abort", onAbort, { once: true });

    const stopConnectTimer = startTimer(
      config.connectTimeoutMs,
      () => new GuardedFetchError("connect_timeout", `Could not connect to ${url.host} within ${config.connectTimeoutMs} ms.`, { url: href }),
    );
    startTimer(
      config.totalTimeoutMs,
      () => new GuardedFetchError("timeout", `${url.host} did not complete its response within ${config.totalTimeoutMs} ms.`, { url: href }),
    );
    let stopHeadersTimer = () => {};
    const onConnected = () => {
      stopConnectTimer();
      stopHeadersTimer = startTimer(
        config.headersTimeoutMs,
        () => new GuardedFetchError("timeout", `${url.host} did not answer within ${config.headersTimeoutMs} ms.`, { url: href }),
      );
    };

    const connect = (addresses: VettedAddress[]) => {
      if (done) return;
      const hostname = target.target.kind === "hostname" ? target.target.hostname : null;
      const connectOptions: net.TcpNetConnectOpts = {
        host: hostname ?? addresses[0]!.address,
        port,
        lookup: pinnedLookup(addresses),
      };
      const sock = isHttps
        ? tls.connect({
            ...connectOptions,
            // The certificate is checked against the URL's host name, not the pinned address.
            ...(hostname ? { servername: hostname } : {}),
            ...(config.ca ? { ca: config.ca } : {}),
            ALPNProtocols: ["http/1.1"],
          })
        : net.connect(connectOptions);
      socket = sock;
      // Runs before Node flushes the queued request bytes, so a refused address receives nothing.
      sock.prependListener("connect", () => {
        const verdict = vetConnectedAddress(sock.remoteAddress, addresses, port, config.allowList);
        if (!verdict.ok) {
          fail(
            new GuardedFetchError("blocked_address", `Refused the connection to ${url.host}: ${verdict.message}.`, {
              url: href,
              ...(sock.remoteAddress ? { address: sock.remoteAddress } : {}),
              ...(verdict.range ? { range: verdict.range } : {}),
            }),
          );
          return;
        }
        if (!isHttps) onConnected();
      });
      if (isHttps) sock.once("secureConnect", onConnected);
      sock.on("error", (error) => fail(connectionError(error, url, href)));

      const requestFn = isHttps ? https.request : http.request;
      const req = requestFn({
        protocol: url.protocol,
        host: hostname ?? addresses[0]!.address,
        port,
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: nodeHeaders(request, url, config.userAgent),
        createConnection: () => sock,
      });
      clientRequest = req;
      req.on("error", (error) => fail(connectionError(error, url, href)));
      req.on("response", (res) => onResponse(res));

      const body = request.body;
      if (body === null) req.end();
      else if (body instanceof Uint8Array) req.end(body);
      else {
        pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), req, (error) => {
          if (error) fail(new GuardedFetchError("invalid_request", "The request body stream failed.", { url: href, cause: error }));
        });
      }
    };

    const onResponse = (res: http.IncomingMessage) => {
      if (done) {
        res.destroy();
        return;
      }
      incoming = res;
      stopHeadersTimer();
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 599) {
        fail(new GuardedFetchError("connection_failed", `${url.host} answered with an unsupported status ${status}.`, { url: href }));
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > config.maxResponseBytes) {
        fail(tooLarge(url, href, config.maxResponseBytes));
        return;
      }
      const hasBody = request.method !== "HEAD" && !NULL_BODY_STATUSES.has(status);
      const body = hasBody ? cappedBody(res) : null;
      if (!hasBody) {
        res.on("end", () => {
          if (!done) teardown();
        });
        res.resume();
      }
      const statusText = /^[\t\x20-\x7e]*$/.test(res.statusMessage ?? "") ? (res.statusMessage ?? "") : "";
      const response = new Response(body, { status, statusText, headers: responseHeaders(res.rawHeaders) });
      Object.defineProperty(response, "url", { value: href });
      responded = true;
      resolve(response);
    };

    const cappedBody = (res: http.IncomingMessage) => {
      let received = 0;
      return new ReadableStream<Uint8Array>({
        start(controller) {
          bodyController = controller;
          res.on("data", (chunk: Buffer) => {
            if (done) return;
            received += chunk.byteLength;
            if (received > config.maxResponseBytes) {
              fail(tooLarge(url, href, config.maxResponseBytes));
              return;
            }
            controller.enqueue(new Uint8Array(chunk));
            if ((controller.desiredSize ?? 0) <= 0) res.pause();
          });
          res.on("end", () => {
            if (done) return;
            teardown();
            controller.close();
          });
          res.on("error", (error) => fail(connectionError(error, url, href)));
          res.on("close", () => {
            if (!res.complete) fail(new GuardedFetchError("connection_failed", `${url.host} closed the connection before the response ended.`, { url: href }));
          });
        },
        pull() {
          res.resume();
        },
        cancel() {
          if (!done) teardown();
        },
      });
    };

    resolveVettedAddresses(target, config.resolver, config.allowList).then(connect, fail);
  });
}

/** A `lookup` for net.connect that answers with the vetted addresses and never asks DNS again. */
function pinnedLookup(addresses: VettedAddress[]): net.LookupFunction {
  return ((_hostname: string, options: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    process.nextTick(() => {
      if (wanted.length === 0) callback(Object.assign(new Error("No vetted address of the requested family"), { code: "ENOTFOUND" }));
      else if (options.all) callback(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    });
  }) as unknown as net.LookupFunction;
}

function nodeHeaders(request: OutboundRequest, url: URL, userAgent: string): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  request.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.includes(name) && !name.startsWith("proxy-")) headers[name] = value;
  });
  headers.host = url.host;
  headers.connection = "close";
  headers["accept-encoding"] = "identity";
  headers["user-agent"] ??= userAgent;
  if (request.body instanceof Uint8Array) headers["content-length"] = String(request.body.byteLength);
  return headers;
}

function responseHeaders(rawHeaders: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    try {
      headers.append(rawHeaders[i]!, rawHeaders[i + 1]!);
    } catch {
      // A header fetch itself could not represent; dropping it matches what fetch would expose.
    }
  }
  return headers;
}

function tooLarge(url: URL, href: string, max: number): GuardedFetchError {
  return new GuardedFetchError("response_too_large", `The response from ${url.host} is larger than the ${max}-byte limit.`, { url: href });
}

function connectionError(error: unknown, url: URL, href: string): GuardedFetchError {
  if (error instanceof GuardedFetchError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new GuardedFetchError("connection_failed", `The request to ${url.host} failed: ${detail}`, { url: href, cause: error });
}
