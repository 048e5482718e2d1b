import { describe, expect, it } from "vitest";
import type { ResolvedAddress } from "./address-policy";
import { parseAllowList } from "./allow-list";
import { GuardedFetchError } from "./guarded-fetch-error";
import { resolveOutboundTarget, type Resolver } from "./resolve-outbound-target";
import { parseOutboundUrl } from "./url-policy";

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

// A fake DNS: the tests never ask a real resolver.
const ZONE: Record<string, ResolvedAddress[]> = {
  localhost: [v4("127.0.0.1"), v6("::1")],
  "localhost.": [v4("127.0.0.1")],
  "example.com": [v4("93.184.216.34"), v6("2606:2800:220:1:248:1893:25c8:1946")],
  "mixed.example": [v4("93.184.216.34"), v4("10.0.0.1")],
  "mixed-v6.example": [v6("2606:4700::1111"), v6("fd00::1")],
  "internal.example": [v4("10.1.2.3")],
  "metadata.example": [v4("169.254.169.254")],
  "v6private.example": [v6("fd00::1")],
  "mapped.example": [v6("::ffff:127.0.0.1")],
  "127.0.0.1.nip.io": [v4("127.0.0.1")],
  "cgnat.example": [v4("100.64.0.1")],
  "empty.example": [],
};
const fakeResolver: Resolver = async (hostname) => {
  const answer = ZONE[hostname];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return answer;
};

type Outcome = { ok: true; addresses?: string[] } | { ok: false; code: string; range?: string; address?: string };
const allowed = (...addresses: string[]): Outcome => ({ ok: true, ...(addresses.length ? { addresses } : {}) });
const blocked = (range: string, address?: string): Outcome => ({ ok: false, code: "blocked_address", range, ...(address ? { address } : {}) });
const refused = (code: string): Outcome => ({ ok: false, code });

// The SSRF table: every URL through the whole pre-flight decision (URL parsing, IP literal
// classification, fake DNS, vetting of every resolved address).
const SSRF_TABLE: Array<[string, Outcome]> = [
  // Loopback, in every spelling the WHATWG parser folds into 127.0.0.1.
  ["http://127.0.0.1", blocked("loopback", "127.0.0.1")],
  ["http://127.0.0.1:8080/admin", blocked("loopback", "127.0.0.1")],
  ["http://2130706433", blocked("loopback", "127.0.0.1")],
  ["http://0x7f.1", blocked("loopback", "127.0.0.1")],
  ["http://0177.0.0.1", blocked("loopback", "127.0.0.1")],
  ["http://017700000001", blocked("loopback", "127.0.0.1")],
  ["http://127.1", blocked("loopback", "127.0.0.1")],
  ["http://0x7f000001", blocked("loopback", "127.0.0.1")],
  ["http://127.000.000.001", blocked("loopback", "127.0.0.1")],
  ["http://%31%32%37.0.0.1", blocked("loopback", "127.0.0.1")],
  ["http://①②⑦.0.0.1", blocked("loopback", "127.0.0.1")],
  ["http://[::1]", blocked("loopback", "::1")],
  ["http://[0:0:0:0:0:0:0:1]:3000", blocked("loopback", "::1")],
  ["http://localhost", blocked("loopback", "127.0.0.1")],
  ["http://LOCALHOST.", blocked("loopback", "127.0.0.1")],
  ["http://127.0.0.1.nip.io", blocked("loopback", "127.0.0.1")],
  // Unspecified, private, link-local / metadata, CGNAT.
  ["http://0.0.0.0", blocked("unspecified", "0.0.0.0")],
  ["http://0", blocked("unspecified", "0.0.0.0")],
  ["http://[::]", blocked("unspecified", "::")],
  ["http://10.0.0.1", blocked("private", "10.0.0.1")],
  ["http://172.16.0.1", blocked("private", "172.16.0.1")],
  ["http://192.168.1.1", blocked("private", "192.168.1.1")],
  ["http://169.254.169.254/latest/meta-data", blocked("linkLocal", "169.254.169.254")],
  ["http://100.64.0.1", blocked("carrierGradeNat", "100.64.0.1")],
  ["http://internal.example", blocked("private", "10.1.2.3")],
  ["http://metadata.example/latest/meta-data", blocked("linkLocal", "169.254.169.254")],
  ["http://cgnat.example", blocked("carrierGradeNat", "100.64.0.1")],
  ["http://v6private.example", blocked("uniqueLocal", "fd00::1")],
  // A name with one public and one private address is refused as a whole.
  ["https://mixed.example", blocked("private", "10.0.0.1")],
  ["https://mixed-v6.example", blocked("uniqueLocal", "fd00::1")],
  // IPv6 forms that carry IPv4, and other special IPv6 ranges.
  ["http://[::ffff:127.0.0.1]", blocked("ipv4Mapped", "::ffff:7f00:1")],
  ["http://[::ffff:7f00:1]", blocked("ipv4Mapped", "::ffff:7f00:1")],
  ["http://[::ffff:169.254.169.254]", blocked("ipv4Mapped")],
  ["http://[::ffff:93.184.216.34]", blocked("ipv4Mapped")],
  ["http://mapped.example", blocked("ipv4Mapped", "::ffff:7f00:1")],
  ["http://[::127.0.0.1]", blocked("ipv4Compatible")],
  ["http://[64:ff9b::a00:1]", blocked("nat64", "64:ff9b::a00:1")],
  ["http://[2002:7f00:1::]", blocked("6to4", "2002:7f00:1::")],
  ["http://[2001::1]", blocked("teredo")],
  ["http://[fe80::1]", blocked("linkLocal", "fe80::1")],
  ["http://[fc00::1]", blocked("uniqueLocal", "fc00::1")],
  ["http://[ff02::1]", blocked("multicast")],
  // Multicast, broadcast, benchmarking, documentation, reserved.
  ["http://224.0.0.1", blocked("multicast", "224.0.0.1")],
  ["http://255.255.255.255", blocked("broadcast", "255.255.255.255")],
  ["http://198.18.0.1", blocked("benchmarking", "198.18.0.1")],
  ["http://192.0.2.1", blocked("documentation", "192.0.2.1")],
  ["http://[2001:db8::1]", blocked("documentation")],
  ["http://240.0.0.1", blocked("reserved")],
  // Schemes.
  ["ftp://example.com", refused("scheme_not_allowed")],
  ["file:///etc/passwd", refused("scheme_not_allowed")],
  ["gopher://127.0.0.1:6379/_INFO", refused("scheme_not_allowed")],
  ["javascript:alert(1)", refused("scheme_not_allowed")],
  ["data:text/plain,hello", refused("scheme_not_allowed")],
  ["ws://example.com/socket", refused("scheme_not_allowed")],
  ["dict://127.0.0.1:11211/stat", refused("scheme_not_allowed")],
  // Credentials, including the user@host confusion.
  ["http://user:pass@example.com", refused("credentials_in_url")],
  ["http://user@example.com", refused("credentials_in_url")],
  ["https://:secret@example.com", refused("credentials_in_url")],
  ["http://example.com@127.0.0.1/", refused("credentials_in_url")],
  // Not URLs.
  ["not a url", refused("invalid_url")],
  ["http://", refused("invalid_url")],
  ["http://exa mple.com", refused("invalid_url")],
  ["http://[fe80::1%25eth0]", refused("invalid_url")],
  ["http://256.0.0.1", refused("invalid_url")],
  [`https://example.com/${"a".repeat(5000)}`, refused("invalid_url")],
  // DNS failures.
  ["https://nxdomain.example", refused("dns_failure")],
  ["https://empty.example", refused("dns_failure")],
  // Public targets that must pass.
  ["https://93.184.216.34", allowed("93.184.216.34")],
  ["https://[2606:4700::1111]", allowed("2606:4700::1111")],
  ["https://example.com", allowed("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")],
  ["https://example.com:8443/mcp?x=1", allowed("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")],
  ["http://8.8.8.8/", allowed("8.8.8.8")],
  ["https://[64:ff9b::5db8:d822]", allowed("64:ff9b::5db8:d822")],
  ["https://172.32.0.1", allowed("172.32.0.1")],
];

async function decide(url: string): Promise<Outcome> {
  try {
    const { addresses } = await resolveOutboundTarget(url, { resolver: fakeResolver });
    return { ok: true, addresses: addresses.map((a) => a.address) };
  } catch (error) {
    if (!(error instanceof GuardedFetchError)) throw error;
    return { ok: false, code: error.code, range: error.range, address: error.address };
  }
}

describe("SSRF table", () => {
  it("has at least 40 cases", () => {
    expect(SSRF_TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SSRF_TABLE)("%s", async (url, expected) => {
    expect(await decide(url)).toMatchObject(expected);
  });
});

describe("parseOutboundUrl", () => {
  it("relies on WHATWG normalisation of numeric hosts", () => {
    for (const raw of ["http://2130706433/", "http://0x7f.1/", "http://017700000001/", "http://0177.0.0.1/", "http://127.1/"]) {
      expect(new URL(raw).hostname).toBe("127.0.0.1");
      expect(parseOutboundUrl(raw)).toMatchObject({ ok: false, code: "blocked_address", address: "127.0.0.1", range: "loopback" });
    }
  });

  it("classifies IP literals immediately and leaves host names for DNS", () => {
    expect(parseOutboundUrl("https://93.184.216.34/x")).toMatchObject({
      ok: true,
      port: 443,
      target: { kind: "ip", address: "93.184.216.34", family: 4, allowListed: false },
    });
    expect(parseOutboundUrl("http://Example.COM:8080/")).toMatchObject({
      ok: true,
      port: 8080,
      target: { kind: "hostname", hostname: "example.com" },
    });
  });

  it("gives a human message for each refusal", () => {
    const result = parseOutboundUrl("http://169.254.169.254/latest/meta-data");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/169\.254\.169\.254 is a link-local address.*must point to a public address/);
    expect(parseOutboundUrl("ftp://example.com")).toMatchObject({ message: "Only http and https URLs are allowed, not ftp." });
  });

  it("never echoes credentials in the error", async () => {
    const error = await resolveOutboundTarget("https://u:hunter2@example.com", { resolver: fakeResolver }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardedFetchError);
    expect(JSON.stringify({ ...(error as GuardedFetchError), message: (error as Error).message })).not.toContain("hunter2");
  });

  describe("with an allow-list", () => {
    const { entries: allowList } = parseAllowList("127.0.0.1:3901,[::1]:3901,localhost:4000");

    it("opens a listed loopback address on its port only", () => {
      expect(parseOutboundUrl("http://127.0.0.1:3901/mcp", { allowList })).toMatchObject({
        ok: true,
        target: { kind: "ip", address: "127.0.0.1", allowListed: true },
      });
      expect(parseOutboundUrl("http://[::1]:3901/", { allowList })).toMatchObject({ ok: true });
      expect(parseOutboundUrl("http://127.0.0.1:3902/", { allowList })).toMatchObject({ ok: false, code: "blocked_address" });
      expect(parseOutboundUrl("http://127.0.0.1/", { allowList })).toMatchObject({ ok: false, code: "blocked_address" });
      expect(parseOutboundUrl("http://10.0.0.1:3901/", { allowList })).toMatchObject({ ok: false, code: "blocked_address" });
    });

    it("opens a name only through the addresses it resolves to", async () => {
      await expect(resolveOutboundTarget("http://localhost:4000/", { allowList, resolver: fakeResolver })).resolves.toMatchObject({
        addresses: [{ address: "127.0.0.1" }, { address: "::1" }],
      });
      // "localhost:4000" opens both loopback addresses; with only 127.0.0.1 listed, the ::1
      // answer makes the whole set fail.
      const { entries: v4Only } = parseAllowList("127.0.0.1:3901");
      await expect(resolveOutboundTarget("http://localhost:3901/", { allowList: v4Only, resolver: fakeResolver })).rejects.toMatchObject({
        code: "blocked_address",
        address: "::1",
      });
    });
  });

  describe("requireHttps", () => {
    const { entries: allowList } = parseAllowList("127.0.0.1:3901,localhost:4000");

    it("accepts https and refuses plain http", () => {
      expect(parseOutboundUrl("https://example.com/op", { requireHttps: true })).toMatchObject({ ok: true });
      expect(parseOutboundUrl("http://example.com/op", { requireHttps: true })).toMatchObject({
        ok: false,
        code: "https_required",
      });
    });

    it("tolerates http for allow-listed dev hosts on their port", () => {
      expect(parseOutboundUrl("http://127.0.0.1:3901/op", { requireHttps: true, allowList })).toMatchObject({ ok: true });
      expect(parseOutboundUrl("http://localhost:4000/op", { requireHttps: true, allowList })).toMatchObject({ ok: true });
      expect(parseOutboundUrl("http://127.0.0.1:3902/op", { requireHttps: true, allowList })).toMatchObject({
        code: "https_required",
      });
      expect(parseOutboundUrl("http://localhost:3901/op", { requireHttps: true, allowList })).toMatchObject({
        code: "https_required",
      });
      expect(parseOutboundUrl("http://example.com:3901/op", { requireHttps: true, allowList })).toMatchObject({
        code: "https_required",
      });
    });
  });
});
