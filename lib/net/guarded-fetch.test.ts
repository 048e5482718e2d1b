import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { ResolvedAddress } from "./address-policy";
import { parseAllowList } from "./allow-list";
import { createGuardedFetch, type GuardedRequestInit } from "./guarded-fetch";
import { GuardedFetchError } from "./guarded-fetch-error";

// Every server here listens on 127.0.0.1 and every host name goes through a fake resolver:
// nothing leaves the machine and no real DNS is asked.

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function startServer(handler: Handler) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  const port = await listen(server);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { port, seen, base: `http://127.0.0.1:${port}` };
}

const allow = (spec: string) => parseAllowList(spec).entries;
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });

async function rejection(promise: Promise<unknown>): Promise<GuardedFetchError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GuardedFetchError);
  return error as GuardedFetchError;
}

const ok: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("hello");
};

describe("createGuardedFetch: address policy at request time", () => {
  it("refuses 127.0.0.1 by default, before connecting", async () => {
    const server = await startServer(ok);
    const guardedFetch = createGuardedFetch({ allowList: [] });
    const error = await rejection(guardedFetch(`${server.base}/`));
    expect(error).toMatchObject({ code: "blocked_address", address: "127.0.0.1", range: "loopback" });
    expect(error.message).toMatch(/loopback/);
    expect(server.seen).toHaveLength(0);
  });

  it("reaches an allow-listed loopback port", async () => {
    const server = await startServer(ok);
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const response = await guardedFetch(`${server.base}/hello?x=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.url).toBe(`${server.base}/hello?x=1`);
    expect(await response.text()).toBe("hello");
    expect(server.seen[0]).toMatchObject({ method: "GET", url: "/hello?x=1" });
    expect(server.seen[0]?.headers).toMatchObject({
      host: `127.0.0.1:${server.port}`,
      "accept-encoding": "identity",
      "user-agent": expect.stringMatching(/^Skillgate/),
    });
  });

  it("refuses an allow-listed address on another port", async () => {
    const server = await startServer(ok);
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port + 1}`) });
    await expect(guardedFetch(`${server.base}/`)).rejects.toMatchObject({ code: "blocked_address" });
    expect(server.seen).toHaveLength(0);
  });

  it("refuses a host name that resolves to loopback", async () => {
    const server = await startServer(ok);
    const resolver = async () => [v4("127.0.0.1")];
    const guardedFetch = createGuardedFetch({ allowList: [], resolver });
    const error = await rejection(guardedFetch(`http://merchant.invalid:${server.port}/`));
    expect(error).toMatchObject({ code: "blocked_address", address: "127.0.0.1", range: "loopback" });
    expect(error.message).toMatch(/^merchant\.invalid resolves to 127\.0\.0\.1 is a loopback/);
    expect(server.seen).toHaveLength(0);
  });

  it("refuses a name with a public and a private address", async () => {
    const resolver = async () => [v4("93.184.216.34"), v4("192.168.0.10")];
    const guardedFetch = createGuardedFetch({ allowList: [], resolver });
    await expect(guardedFetch("https://mixed.invalid/")).rejects.toMatchObject({
      code: "blocked_address",
      address: "192.168.0.10",
      range: "private",
    });
  });

  it("reports a DNS failure", async () => {
    const resolver = async (): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.invalid"), { code: "ENOTFOUND" });
    };
    const guardedFetch = createGuardedFetch({ allowList: [], resolver });
    await expect(guardedFetch("https://nowhere.invalid/")).rejects.toMatchObject({ code: "dns_failure" });
  });

  it("resolves once and pins the connection to the vetted address (DNS rebinding)", async () => {
    const server = await startServer(ok);
    const calls: string[] = [];
    // First answer: the allow-listed loopback address. Any later answer: a private address.
    const resolver = async (hostname: string) => {
      calls.push(hostname);
      return calls.length === 1 ? [v4("127.0.0.1")] : [v4("10.0.0.1")];
    };
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), resolver });
    // .invalid never resolves through the system, so success proves the socket used our answer.
    const response = await guardedFetch(`http://rebind.invalid:${server.port}/`);
    expect(await response.text()).toBe("hello");
    expect(calls).toEqual(["rebind.invalid"]);
    expect(server.seen[0]?.headers.host).toBe(`rebind.invalid:${server.port}`);

    // The next request resolves afresh, gets the private answer, and is refused.
    await expect(guardedFetch(`http://rebind.invalid:${server.port}/`)).rejects.toMatchObject({
      code: "blocked_address",
      address: "10.0.0.1",
    });
    expect(calls).toHaveLength(2);
    expect(server.seen).toHaveLength(1);
  });

  it("refuses bad URLs with the URL policy's codes", async () => {
    const guardedFetch = createGuardedFetch({ allowList: [] });
    await expect(guardedFetch("ftp://example.com/")).rejects.toMatchObject({ code: "scheme_not_allowed" });
    await expect(guardedFetch("http://u:p@example.com/")).rejects.toMatchObject({ code: "credentials_in_url" });
    await expect(guardedFetch("http://2130706433/")).rejects.toMatchObject({ code: "blocked_address", address: "127.0.0.1" });
    await expect(guardedFetch("nonsense")).rejects.toMatchObject({ code: "invalid_url" });
    await expect(createGuardedFetch({ allowList: [], requireHttps: true })("http://example.com/")).rejects.toMatchObject({
      code: "https_required",
    });
  });
});

describe("createGuardedFetch: redirects", () => {
  it("returns a redirect as it is and never follows it", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/start") {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
        res.end();
      } else ok(req, res, "");
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const response = await guardedFetch(`${server.base}/start`, { redirect: "follow" });
    expect(response.status).toBe(302);
    expect(response.redirected).toBe(false);
    expect(response.headers.get("location")).toBe("http://169.254.169.254/latest/meta-data");
    expect(server.seen.map((s) => s.url)).toEqual(["/start"]);
  });

  it("does not follow a same-origin chain either", async () => {
    const server = await startServer((req, res) => {
      const hop = Number(req.url?.slice(1) ?? 0);
      res.writeHead(307, { location: `/${hop + 1}` });
      res.end();
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const response = await guardedFetch(`${server.base}/0`);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("/1");
    expect(server.seen).toHaveLength(1);
  });
});

describe("createGuardedFetch: timeouts", () => {
  it("times out a server that never answers", async () => {
    const server = await startServer(() => {
      // Never responds; the afterEach closes the connection.
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), totalTimeoutMs: 200 });
    const started = Date.now();
    await expect(guardedFetch(`${server.base}/`)).rejects.toMatchObject({ code: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out a body that stalls after the headers", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), totalTimeoutMs: 300 });
    const response = await guardedFetch(`${server.base}/`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toMatchObject({ code: "timeout" });
  });

  it("times out waiting for response headers even with no total deadline", async () => {
    const server = await startServer(() => {});
    const guardedFetch = createGuardedFetch({
      allowList: allow(`127.0.0.1:${server.port}`),
      totalTimeoutMs: 0,
      headersTimeoutMs: 200,
    });
    await expect(guardedFetch(`${server.base}/`)).rejects.toMatchObject({ code: "timeout" });
  });

  it("counts DNS in the connect timeout", async () => {
    const resolver = () => new Promise<ResolvedAddress[]>(() => {});
    const guardedFetch = createGuardedFetch({ allowList: [], resolver, connectTimeoutMs: 200 });
    const error = await rejection(guardedFetch("https://slow-dns.invalid/"));
    expect(error.code).toBe("connect_timeout");
    expect(error.message).toMatch(/within 200 ms/);
  });

  it("counts the TLS handshake in the connect timeout", async () => {
    // Accepts TCP on loopback but never speaks TLS.
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    const port = await listen(server);
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${port}`), connectTimeoutMs: 200 });
    await expect(guardedFetch(`https://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: "connect_timeout" });
    expect(sockets.size).toBe(1);
  });

  it("reports a refused connection", async () => {
    const server = net.createServer();
    const port = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${port}`) });
    const error = await rejection(guardedFetch(`http://127.0.0.1:${port}/`));
    expect(error.code).toBe("connection_failed");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("passes the caller's abort through", async () => {
    const server = await startServer(() => {});
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const controller = new AbortController();
    const pending = guardedFetch(`${server.base}/`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await expect(guardedFetch(`${server.base}/`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("createGuardedFetch: response size cap", () => {
  it("refuses a declared Content-Length over the cap", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": "2048" });
      res.end("x".repeat(2048));
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), maxResponseBytes: 1024 });
    await expect(guardedFetch(`${server.base}/`)).rejects.toMatchObject({ code: "response_too_large" });
  });

  it("errors a streamed body once it passes the cap", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      // Chunked, no length: 64 KiB in 16 writes, against a 10 KiB cap.
      for (let i = 0; i < 16; i++) res.write(Buffer.alloc(4096, 1));
      res.end();
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), maxResponseBytes: 10 * 1024 });
    const response = await guardedFetch(`${server.base}/`);
    const error = await rejection(response.arrayBuffer());
    expect(error.code).toBe("response_too_large");
    expect(error.message).toMatch(/10240-byte limit/);
  });

  it("accepts a body of exactly the cap", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write("a".repeat(512));
      res.end("b".repeat(512));
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), maxResponseBytes: 1024 });
    expect((await (await guardedFetch(`${server.base}/`)).arrayBuffer()).byteLength).toBe(1024);
  });

  it("reports a connection that breaks mid-body", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("only part");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const response = await guardedFetch(`${server.base}/`);
    await expect(response.text()).rejects.toMatchObject({ code: "connection_failed" });
  });
});

describe("createGuardedFetch: streaming", () => {
  it("delivers SSE events before the response ends, with the total deadline off per call", async () => {
    let sendRest: () => void = () => {};
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write("data: first\n\n");
      sendRest = () => {
        res.write("data: second\n\n");
        res.end();
      };
    });
    // The client default would cut the stream after 150 ms; the call turns it off.
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), totalTimeoutMs: 150 });
    const init: GuardedRequestInit = { headers: { accept: "text/event-stream" }, totalTimeoutMs: 0 };
    const response = await guardedFetch(`${server.base}/sse`, init);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();

    const first = await reader.read();
    expect(first.value).toBe("data: first\n\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    sendRest();
    let rest = "";
    for (let i = 0; i < 10; i++) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += value;
    }
    expect(rest).toBe("data: second\n\n");
  });

  it("closes the connection when the caller cancels the body", async () => {
    let closed = false;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: tick\n\n");
      res.on("close", () => (closed = true));
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), totalTimeoutMs: 0 });
    const response = await guardedFetch(`${server.base}/sse`);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    for (let i = 0; i < 50 && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
  });
});

describe("createGuardedFetch: requests", () => {
  const echo: Handler = (req, res, body) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
  };

  it("sends string, byte and stream bodies with headers in every form", async () => {
    const server = await startServer(echo);
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });

    const asString = await (
      await guardedFetch(`${server.base}/`, { method: "post", body: '{"a":1}', headers: { "content-type": "application/json", "x-one": "1" } })
    ).json();
    expect(asString).toMatchObject({
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json", "content-length": "7", "x-one": "1" },
    });

    const asBytes = await (
      await guardedFetch(`${server.base}/`, { method: "PUT", body: new TextEncoder().encode("bytes"), headers: new Headers({ "x-two": "2" }) })
    ).json();
    expect(asBytes).toMatchObject({ method: "PUT", body: "bytes", headers: { "x-two": "2", "content-length": "5" } });

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("str"));
        controller.enqueue(new TextEncoder().encode("eam"));
        controller.close();
      },
    });
    const asStream = await (
      await guardedFetch(`${server.base}/`, { method: "POST", body: stream, headers: [["x-three", "3"]], duplex: "half" } as RequestInit)
    ).json();
    expect(asStream).toMatchObject({ body: "stream", headers: { "x-three": "3", "transfer-encoding": "chunked" } });

    const form = await (await guardedFetch(`${server.base}/`, { method: "POST", body: new URLSearchParams({ q: "a b" }) })).json();
    expect(form).toMatchObject({ body: "q=a+b", headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" } });
  });

  it("accepts a Request object and overrides hop-by-hop headers", async () => {
    const server = await startServer(echo);
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`), userAgent: "test-agent" });
    const request = new Request(`${server.base}/r`, {
      method: "POST",
      body: "from request",
      headers: { "accept-encoding": "gzip", "x-keep": "yes" },
    });
    const echoed = await (await guardedFetch(request)).json();
    expect(echoed).toMatchObject({
      method: "POST",
      body: "from request",
      headers: { "accept-encoding": "identity", "x-keep": "yes", "user-agent": "test-agent", connection: "close" },
    });
  });

  it("refuses limits that would silently mean no limit", async () => {
    expect(() => createGuardedFetch({ allowList: [], totalTimeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => createGuardedFetch({ allowList: [], maxResponseBytes: -1 })).toThrow(/maxResponseBytes/);
    const guardedFetch = createGuardedFetch({ allowList: [] });
    const init: GuardedRequestInit = { totalTimeoutMs: -5 };
    await expect(guardedFetch("https://93.184.216.34/", init)).rejects.toThrow(RangeError);
  });

  it("refuses a body on GET and forbidden methods", async () => {
    const guardedFetch = createGuardedFetch({ allowList: [] });
    await expect(guardedFetch("https://93.184.216.34/", { method: "GET", body: "x" })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(guardedFetch("https://93.184.216.34/", { method: "CONNECT" })).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("answers HEAD and 204 with no body", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/empty") {
        res.writeHead(204);
        res.end();
      } else {
        res.writeHead(200, { "content-length": "5" });
        res.end(req.method === "HEAD" ? undefined : "hello");
      }
    });
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const head = await guardedFetch(`${server.base}/`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const empty = await guardedFetch(`${server.base}/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });
});

describe("createGuardedFetch with the MCP SDK", () => {
  async function startMcpServer() {
    return startServer((req, res, body) => {
      const mcp = new McpServer({ name: "merchant", version: "1.0.0" });
      mcp.registerTool("ping", { description: "Answers pong" }, async () => ({ content: [{ type: "text", text: "pong" }] }));
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on("close", () => {
        void transport.close();
        void mcp.close();
      });
      void mcp.connect(transport).then(() => transport.handleRequest(req, res, body ? JSON.parse(body) : undefined));
    });
  }

  it("is a FetchLike the streamable HTTP transport can use", async () => {
    const server = await startMcpServer();
    const guardedFetch: FetchLike = createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) });
    const client = new Client({ name: "skillgate-validator", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`), { fetch: guardedFetch });
    await client.connect(transport);
    cleanups.push(() => client.close());
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["ping"]);
    expect(server.seen.every((s) => s.headers["user-agent"]?.startsWith("Skillgate"))).toBe(true);
  });

  it("leaves redirects unfollowed when the transport leaves them to fetch", async () => {
    // The SDK's default redirectPolicy ("same-origin") follows same-origin redirects itself,
    // calling this fetch again (so each hop is vetted again); "follow" hands them to the
    // fetch, and this fetch never follows.
    const server = await startServer((_req, res) => {
      res.writeHead(307, { location: "/elsewhere" });
      res.end();
    });
    const client = new Client({ name: "skillgate-validator", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`), {
      fetch: createGuardedFetch({ allowList: allow(`127.0.0.1:${server.port}`) }),
      redirectPolicy: "follow",
    });
    await expect(client.connect(transport)).rejects.toThrow();
    expect(server.seen.map((s) => s.url)).toEqual(["/mcp"]);
  });

  it("keeps the SDK off a loopback server that is not allow-listed", async () => {
    const server = await startMcpServer();
    const client = new Client({ name: "skillgate-validator", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`), { fetch: createGuardedFetch({ allowList: [] }) });
    await expect(client.connect(transport)).rejects.toThrow(/loopback/);
    expect(server.seen).toHaveLength(0);
  });
});

// A throwaway self-signed certificate for merchant.invalid and 127.0.0.1, made with openssl.
function makeCertificate(): { key: Buffer; cert: Buffer } | null {
  const dir = mkdtempSync(path.join(tmpdir(), "guarded-fetch-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
        "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-subj", "/CN=merchant.invalid",
        "-addext", "subjectAltName=DNS:merchant.invalid,IP:127.0.0.1"],
      { stdio: "ignore" },
    );
    return { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const certificate = makeCertificate();

describe.skipIf(certificate === null)("createGuardedFetch over https", () => {
  async function startHttpsServer() {
    const seen: string[] = [];
    const server = https.createServer({ key: certificate!.key, cert: certificate!.cert }, (req, res) => {
      seen.push(`${req.headers.host} ${req.url}`);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("secure hello");
    });
    const port = await listen(server);
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    return { port, seen };
  }

  it("verifies the certificate against the host name while the socket stays pinned", async () => {
    const { port, seen } = await startHttpsServer();
    const guardedFetch = createGuardedFetch({
      allowList: allow(`127.0.0.1:${port}`),
      resolver: async () => [v4("127.0.0.1")],
      ca: certificate!.cert,
    });
    const response = await guardedFetch(`https://merchant.invalid:${port}/op`);
    expect(await response.text()).toBe("secure hello");
    expect(seen).toEqual([`merchant.invalid:${port} /op`]);

    // Same pinned address, but a name the certificate does not cover.
    const error = await rejection(guardedFetch(`https://other.invalid:${port}/op`));
    expect(error.code).toBe("connection_failed");
    expect(error.message).toMatch(/other\.invalid/);
    expect(seen).toHaveLength(1);
  });

  it("checks an IP-literal host against the certificate's IP addresses", async () => {
    const { port } = await startHttpsServer();
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${port}`), ca: certificate!.cert });
    expect((await guardedFetch(`https://127.0.0.1:${port}/`)).status).toBe(200);
  });

  it("refuses an untrusted certificate", async () => {
    const { port, seen } = await startHttpsServer();
    const guardedFetch = createGuardedFetch({ allowList: allow(`127.0.0.1:${port}`) });
    await expect(guardedFetch(`https://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: "connection_failed" });
    expect(seen).toHaveLength(0);
  });
});

describe("createGuardedFetch over IPv6 loopback", () => {
  it("reaches [::1] only when it is allow-listed", async () => {
    const server = http.createServer((_req, res) => res.end("v6"));
    const port = await new Promise<number | null>((resolve) => {
      server.once("error", () => resolve(null));
      server.listen(0, "::1", () => resolve((server.address() as AddressInfo).port));
    });
    if (port === null) return; // No IPv6 loopback on this machine.
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await expect(createGuardedFetch({ allowList: [] })(`http://[::1]:${port}/`)).rejects.toMatchObject({
      code: "blocked_address",
      range: "loopback",
    });
    const response = await createGuardedFetch({ allowList: allow(`[::1]:${port}`) })(`http://[::1]:${port}/`);
    expect(await response.text()).toBe("v6");
  });
});
