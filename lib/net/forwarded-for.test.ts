import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressFrom, trustedProxyHops, withTrustedClientAddress } from "./forwarded-for";

describe("clientAddressFrom", () => {
  it("with no trusted proxy takes the connection's peer, whatever the client wrote", () => {
    expect(clientAddressFrom("198.51.100.7", "203.0.113.1", 0)).toBe("198.51.100.7");
    expect(clientAddressFrom("198.51.100.7", undefined, 0)).toBe("198.51.100.7");
    expect(clientAddressFrom(undefined, "203.0.113.1", 0)).toBeUndefined();
  });

  it("behind one proxy takes the entry that proxy appended, not what the client put before it", () => {
    // client sent "X-Forwarded-For: 1.1.1.1"; the load balancer (peer 10.0.0.2) appended 203.0.113.9
    expect(clientAddressFrom("10.0.0.2", "1.1.1.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("behind two proxies counts two entries back from the peer", () => {
    expect(clientAddressFrom("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("takes the left-most entry when the chain is shorter than the trusted hops", () => {
    expect(clientAddressFrom("10.0.0.2", "203.0.113.9", 5)).toBe("203.0.113.9");
    expect(clientAddressFrom("10.0.0.2", undefined, 3)).toBe("10.0.0.2");
  });

  it("reads repeated headers and ignores blank entries", () => {
    expect(clientAddressFrom("10.0.0.2", ["1.1.1.1", " 203.0.113.9 ,"], 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("2001:db8::2", " , ", 1)).toBe("2001:db8::2");
  });
});

describe("trustedProxyHops", () => {
  it("defaults to no proxy and accepts whole numbers up to 10", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ SKILLGATE_TRUSTED_PROXY_HOPS: " 2 " })).toBe(2);
  });

  it.each(["-1", "1.5", "eleven", "11"])("refuses %j with a clear message", (value) => {
    expect(() => trustedProxyHops({ SKILLGATE_TRUSTED_PROXY_HOPS: value })).toThrow(/whole number from 0 to 10/);
  });
});

describe("withTrustedClientAddress", () => {
  let server: Server;
  let base: string;
  let hops = 0;
  beforeAll(async () => {
    server = createServer((request, response) =>
      withTrustedClientAddress((req, res) => {
        res.end(JSON.stringify({ forwarded: req.headers["x-forwarded-for"] ?? null, real: req.headers["x-real-ip"] ?? null }));
      }, hops)(request, response),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = async (headers: Record<string, string>) => (await fetch(base, { headers })).json();

  it("replaces a spoofed chain with the peer when no proxy is trusted", async () => {
    hops = 0;
    expect(await ask({ "x-forwarded-for": "203.0.113.1, 203.0.113.2", "x-real-ip": "203.0.113.3" })).toEqual({ forwarded: "127.0.0.1", real: null });
  });

  it("keeps the address the trusted proxy appended", async () => {
    hops = 1;
    expect(await ask({ "x-forwarded-for": "203.0.113.1, 198.51.100.20" })).toEqual({ forwarded: "198.51.100.20", real: null });
  });
});
