// The SSRF table, continued at request time: DNS names that resolve to private, loopback and
// metadata addresses (the guard checks the resolved addresses, not the name), and redirect chains
// that end at a private or metadata address. The guarded fetch never follows a redirect; a caller
// that follows one by hand goes through the guard again, so every hop is re-checked. All servers
// listen on 127.0.0.1 and every name goes through an injected resolver: no real DNS, no internet.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedAddress } from "./address-policy";
import { parseAllowList } from "./allow-list";
import { createGuardedFetch } from "./guarded-fetch";
import { GuardedFetchError } from "./guarded-fetch-error";

type Server = { port: number; seen: string[]; close: () => Promise<void> };

async function serve(handler: (url: string, res: http.ServerResponse) => void): Promise<Server> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? "");
    handler(req.url ?? "", res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

// Names an attacker can register or point anywhere; each resolves to somewhere it must not reach.
const ZONE: Record<string, ResolvedAddress[]> = {
  "10.0.0.1.nip.io": [v4("10.0.0.1")],
  "169.254.169.254.nip.io": [v4("169.254.169.254")],
  "192-168-1-1.sslip.io": [v4("192.168.1.1")],
  "0.0.0.0.nip.io": [v4("0.0.0.0")],
  "localtest.me": [v4("127.0.0.1")],
  "internal.merchant.example": [v4("127.0.0.1")],
  "metadata.google.internal": [v4("169.254.169.254")],
  "alibaba-metadata.example": [v4("100.100.100.200")],
  "ec2-ipv6-metadata.example": [v6("fd00:ec2::254")],
  "mapped.example": [v6("::ffff:10.0.0.1")],
  "nat64-private.example": [v6("64:ff9b::a9fe:a9fe")],
  "round-robin.example": [v4("93.184.216.34"), v4("172.16.5.4")],
  "hop2.example": [v4("127.0.0.1")],
};
const resolver = async (hostname: string): Promise<ResolvedAddress[]> => {
  const answer = ZONE[hostname.replace(/\.$/, "").toLowerCase()];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return answer;
};

let internal: Server; // a loopback service that is NOT allow-listed ("the admin panel")
beforeAll(async () => {
  internal = await serve((_url, res) => res.end("secret"));
});
afterAll(async () => internal.close());

async function refusal(promise: Promise<unknown>): Promise<GuardedFetchError> {
  const error = await promise.then(
    () => new Error("expected the guard to refuse"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GuardedFetchError);
  return error as GuardedFetchError;
}

describe("DNS names that resolve to private addresses", () => {
  const table: Array<[string, string]> = [
    ["http://10.0.0.1.nip.io/", "private"],
    ["http://169.254.169.254.nip.io/latest/meta-data/", "linkLocal"],
    ["http://192-168-1-1.sslip.io/", "private"],
    ["http://0.0.0.0.nip.io/", "unspecified"],
    ["http://metadata.google.internal/computeMetadata/v1/", "linkLocal"],
    ["http://alibaba-metadata.example/latest/meta-data/", "carrierGradeNat"],
    ["http://ec2-ipv6-metadata.example/", "uniqueLocal"],
    ["http://mapped.example/", "ipv4Mapped"],
    ["http://nat64-private.example/", "nat64"],
    ["https://round-robin.example/", "private"],
    ["http://LocalTest.ME./", "loopback"],
  ];
  it.each(table)("%s is refused as %s, before any connection", async (url, range) => {
    const error = await refusal(createGuardedFetch({ allowList: [], resolver })(url));
    expect(error.code).toBe("blocked_address");
    expect(error.range).toMatch(new RegExp(range));
  });

  it("a name for a loopback service never reaches it, whatever the port", async () => {
    const guarded = createGuardedFetch({ allowList: [], resolver });
    for (const name of ["localtest.me", "internal.merchant.example"]) {
      await expect(guarded(`http://${name}:${internal.port}/admin`)).rejects.toMatchObject({ code: "blocked_address", range: "loopback" });
    }
    expect(internal.seen).toEqual([]);
  });
});

describe("redirect chains towards private and metadata addresses", () => {
  /** Follows Location by hand, each hop through the guard (what any caller that follows redirects must do). */
  async function followThroughGuard(guarded: typeof fetch, url: string, maxHops = 5) {
    const hops: string[] = [];
    let next = url;
    for (let i = 0; i <= maxHops; i++) {
      hops.push(next);
      const response = await guarded(next, { redirect: "follow" });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { hops, response };
      await response.body?.cancel();
      next = new URL(location, next).toString();
    }
    throw new Error("too many redirects");
  }

  const targets = (internalPort: number): Array<[string, string]> => [
    ["http://169.254.169.254/latest/meta-data/iam/security-credentials/", "blocked_address"],
    ["http://[::ffff:169.254.169.254]/latest/meta-data/", "blocked_address"],
    ["http://metadata.google.internal/computeMetadata/v1/instance/", "blocked_address"],
    ["http://10.0.0.1.nip.io/", "blocked_address"],
    [`http://127.0.0.1:${internalPort}/admin`, "blocked_address"],
    [`http://0x7f.1:${internalPort}/admin`, "blocked_address"],
    [`http://localtest.me:${internalPort}/admin`, "blocked_address"],
    ["file:///etc/passwd", "scheme_not_allowed"],
    ["gopher://127.0.0.1:6379/_FLUSHALL", "scheme_not_allowed"],
    ["http://user:pw@example.com/", "credentials_in_url"],
  ];

  it.each(targets(0).map(([target], i) => [target, i] as const))("a two-hop chain ending at %s stops at the guard", async (_label, index) => {
    const [target, code] = targets(internal.port)[index]!;
    // hop 1 (allow-listed) → hop 2 (allow-listed, by a name) → the target.
    const hop2 = await serve((_url, res) => (res.writeHead(307, { location: target }), res.end()));
    const hop1 = await serve((_url, res) => (res.writeHead(302, { location: `http://hop2.example:${hop2.port}/next` }), res.end()));
    try {
      const guarded = createGuardedFetch({ allowList: parseAllowList(`127.0.0.1:${hop1.port},127.0.0.1:${hop2.port}`).entries, resolver });
      // The guard itself never follows: hop 1's redirect comes back as it is.
      const first = await guarded(`http://127.0.0.1:${hop1.port}/start`, { redirect: "follow" });
      expect(first.status).toBe(302);
      expect(hop2.seen).toEqual([]);
      // Following by hand re-checks every hop: hop 2 is allowed, the target is not.
      const error = await refusal(followThroughGuard(guarded, `http://127.0.0.1:${hop1.port}/start`));
      expect(error.code).toBe(code);
      expect(hop1.seen).toEqual(["/start", "/start"]);
      expect(hop2.seen).toEqual(["/next"]);
      expect(internal.seen).toEqual([]);
    } finally {
      await hop1.close();
      await hop2.close();
    }
  });

  it("a redirect back to an allow-listed hop on another port is refused too (the allow-list is per port)", async () => {
    const hop = await serve((_url, res) => (res.writeHead(301, { location: `http://127.0.0.1:${internal.port}/` }), res.end()));
    try {
      const guarded = createGuardedFetch({ allowList: parseAllowList(`127.0.0.1:${hop.port}`).entries, resolver });
      await expect(followThroughGuard(guarded, `http://127.0.0.1:${hop.port}/`)).rejects.toMatchObject({ code: "blocked_address", address: "127.0.0.1" });
      expect(internal.seen).toEqual([]);
    } finally {
      await hop.close();
    }
  });
});
