import { describe, expect, it } from "vitest";
import { parseAllowList, readOutboundAllowList } from "./allow-list";

describe("parseAllowList", () => {
  it("reads IPv4, bracketed IPv6, localhost and wildcard ports", () => {
    const { entries, invalid } = parseAllowList(" 127.0.0.1:3901, [::1]:3901 ,127.0.0.1:*,localhost:4000,,");
    expect(invalid).toEqual([]);
    expect(entries).toEqual([
      { host: "127.0.0.1", address: "127.0.0.1", port: 3901 },
      { host: "::1", address: "::1", port: 3901 },
      { host: "127.0.0.1", address: "127.0.0.1", port: "*" },
      { host: "localhost", address: "127.0.0.1", port: 4000 },
      { host: "localhost", address: "::1", port: 4000 },
    ]);
  });

  it("canonicalises IPv6 spellings", () => {
    expect(parseAllowList("[0:0:0:0:0:0:0:1]:80").entries).toEqual([{ host: "0:0:0:0:0:0:0:1", address: "::1", port: 80 }]);
  });

  it.each([
    ["127.0.0.1", /host:port/],
    ["::1:3901", /host:port/],
    ["example.com:443", /IPv4 address, a bracketed IPv6 address or localhost/],
    ["127.1:80", /IPv4 address/],
    ["[fe80::1%eth0]:80", /bracketed IPv6/],
    ["127.0.0.1:0", /port must be/],
    ["127.0.0.1:65536", /port must be/],
    ["127.0.0.1:80-90", /host:port/],
  ])("rejects %j and says why", (entry, reason) => {
    const { entries, invalid } = parseAllowList(entry);
    expect(entries).toEqual([]);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.reason).toMatch(reason);
  });

  it("keeps the good entries next to a bad one", () => {
    const { entries, invalid } = parseAllowList("127.0.0.1:1,nope,[::1]:2");
    expect(entries.map((e) => e.port)).toEqual([1, 2]);
    expect(invalid.map((e) => e.entry)).toEqual(["nope"]);
  });

  it("treats an unset or blank value as empty", () => {
    expect(parseAllowList(undefined)).toEqual({ entries: [], invalid: [] });
    expect(parseAllowList("  ")).toEqual({ entries: [], invalid: [] });
  });
});

describe("readOutboundAllowList", () => {
  const raw = "127.0.0.1:3901";

  it("is empty by default", () => {
    expect(readOutboundAllowList({})).toEqual([]);
    expect(readOutboundAllowList({ NODE_ENV: "production" })).toEqual([]);
  });

  it("applies in development and test", () => {
    expect(readOutboundAllowList({ NODE_ENV: "development", SKILLGATE_OUTBOUND_ALLOWLIST: raw })).toHaveLength(1);
    expect(readOutboundAllowList({ NODE_ENV: "test", SKILLGATE_OUTBOUND_ALLOWLIST: raw })).toHaveLength(1);
    expect(readOutboundAllowList({ SKILLGATE_OUTBOUND_ALLOWLIST: raw })).toHaveLength(1);
  });

  it("is ignored in production unless the second switch is set to 1", () => {
    expect(readOutboundAllowList({ NODE_ENV: "production", SKILLGATE_OUTBOUND_ALLOWLIST: raw })).toEqual([]);
    expect(
      readOutboundAllowList({ NODE_ENV: "production", SKILLGATE_OUTBOUND_ALLOWLIST: raw, SKILLGATE_OUTBOUND_ALLOWLIST_IN_PRODUCTION: "true" }),
    ).toEqual([]);
    expect(
      readOutboundAllowList({ NODE_ENV: "production", SKILLGATE_OUTBOUND_ALLOWLIST: raw, SKILLGATE_OUTBOUND_ALLOWLIST_IN_PRODUCTION: "1" }),
    ).toHaveLength(1);
  });

  it("throws on a malformed entry instead of silently dropping it", () => {
    expect(() => readOutboundAllowList({ SKILLGATE_OUTBOUND_ALLOWLIST: "127.0.0.1:3901,example.com:80" })).toThrow(
      /SKILLGATE_OUTBOUND_ALLOWLIST has invalid entries: "example.com:80"/,
    );
  });
});
