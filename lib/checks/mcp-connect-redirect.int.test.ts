import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseAllowList } from "../net/allow-list";
import { createGuardedFetch } from "../net/guarded-fetch";
import { captureMcpServer } from "./mcp-connect";

// The SDK transports default to redirectPolicy "same-origin" and would re-request a same-origin
// Location themselves; capture must leave every redirect to the guarded fetch, which never follows.

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

async function redirectingServer(seen: string[]): Promise<string> {
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(307, { location: "/elsewhere" });
    res.end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("captureMcpServer and redirects", () => {
  it("never requests a same-origin redirect target, on either transport", async () => {
    const seen: string[] = [];
    const host = await redirectingServer(seen);
    const capture = await captureMcpServer({
      url: `http://${host}/mcp`,
      fetch: createGuardedFetch({ allowList: parseAllowList(host).entries }),
      timeoutMs: 3000,
    });
    expect(capture.error?.stage).toBe("connect");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((line) => line.endsWith(" /mcp"))).toBe(true);
    expect(seen.some((line) => line.includes("/elsewhere"))).toBe(false);
  });
});
