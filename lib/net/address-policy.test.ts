import { describe, expect, it } from "vitest";
import {
  classifyAddress,
  describeBlockedAddress,
  isAllowedByAllowList,
  normalizeAddress,
  vetConnectedAddress,
  vetResolvedAddresses,
  type BlockedRange,
} from "./address-policy";
import { parseAllowList } from "./allow-list";

// [address, expected range, embedded IPv4 (for IPv6 forms that carry one)]
const BLOCKED: Array<[string, BlockedRange, string?]> = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["10.0.0.1", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "linkLocal"],
  ["100.64.0.1", "carrierGradeNat"],
  ["100.127.255.255", "carrierGradeNat"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.0.8", "ietfProtocolAssignments"],
  ["192.0.2.1", "documentation"],
  ["198.51.100.7", "documentation"],
  ["203.0.113.9", "documentation"],
  ["198.18.0.1", "benchmarking"],
  ["198.19.255.255", "benchmarking"],
  ["192.88.99.1", "reserved"],
  ["::1", "loopback"],
  ["::", "unspecified"],
  ["fe80::1", "linkLocal"],
  ["fc00::1", "uniqueLocal"],
  ["fd12:3456::1", "uniqueLocal"],
  ["fec0::1", "siteLocal"],
  ["ff02::1", "multicast"],
  ["::ffff:127.0.0.1", "ipv4Mapped", "127.0.0.1"],
  ["::ffff:7f00:1", "ipv4Mapped", "127.0.0.1"],
  ["::ffff:a9fe:a9fe", "ipv4Mapped", "169.254.169.254"],
  // Mapped is refused even around a public address: Node would silently dial IPv4.
  ["::ffff:93.184.216.34", "ipv4Mapped", "93.184.216.34"],
  ["::ffff:0:7f00:1", "ipv4Translated", "127.0.0.1"],
  ["::7f00:1", "ipv4Compatible", "127.0.0.1"],
  ["64:ff9b::a00:1", "nat64", "10.0.0.1"],
  ["64:ff9b::7f00:1", "nat64", "127.0.0.1"],
  ["64:ff9b:1::1", "nat64"],
  ["2002:7f00:1::", "6to4", "127.0.0.1"],
  ["2002:a9fe:a9fe::1", "6to4", "169.254.169.254"],
  ["2001::1", "teredo"],
  ["2001:db8::1", "documentation"],
  ["3fff::1", "documentation"],
  ["2001:2::1", "benchmarking"],
  ["100::1", "discard"],
  ["5f00::1", "segmentRouting"],
  // Outside 2000::/3: not assigned for the public internet.
  ["4000::1", "reserved"],
  ["::2", "ipv4Compatible", "0.0.0.2"],
];

const PUBLIC = [
  "93.184.216.34",
  "1.1.1.1",
  "8.8.8.8",
  "172.15.255.255",
  "172.32.0.1",
  "100.63.255.255",
  "100.128.0.1",
  "198.17.255.255",
  "198.20.0.1",
  "2606:4700::1111",
  "2a00:1450:4001:81c::200e",
  "64:ff9b::5db8:d822", // NAT64 of 93.184.216.34
  "2002:5db8:d822::1", // 6to4 of 93.184.216.34
];

describe("classifyAddress", () => {
  it.each(BLOCKED)("blocks %s as %s", (address, range, embedded) => {
    const result = classifyAddress(address);
    expect(result.kind).toBe("blocked");
    if (result.kind !== "blocked") return;
    expect(result.range).toBe(range);
    expect(result.embedded?.address).toBe(embedded);
  });

  it.each(PUBLIC)("allows public unicast %s", (address) => {
    expect(classifyAddress(address).kind).toBe("public");
  });

  it("reports the address it classified in canonical form", () => {
    expect(classifyAddress("[::FFFF:127.0.0.1]")).toMatchObject({ address: "::ffff:7f00:1", family: 6 });
    expect(classifyAddress("2606:4700:0000::1111")).toMatchObject({ kind: "public", address: "2606:4700::1111" });
  });

  it.each(["2130706433", "0x7f.1", "0177.0.0.1", "127.1", "010.0.0.1", "localhost", "", "1.2.3.4.5", "fe80::1%eth0", "2606:4700::1111%eth0"])(
    "treats the non-canonical or non-address text %j as invalid (blocked)",
    (text) => {
      expect(classifyAddress(text)).toMatchObject({ kind: "blocked", range: "invalid" });
    },
  );

  it("explains a refusal in words", () => {
    const result = classifyAddress("169.254.169.254");
    if (result.kind !== "blocked") throw new Error("expected blocked");
    expect(describeBlockedAddress(result)).toMatch(/^169\.254\.169\.254 is a link-local address.*metadata/);
    const mapped = classifyAddress("::ffff:10.0.0.1");
    if (mapped.kind !== "blocked") throw new Error("expected blocked");
    expect(describeBlockedAddress(mapped)).toBe("::ffff:a00:1 is an IPv4-mapped IPv6 address (it carries 10.0.0.1)");
  });
});

describe("normalizeAddress", () => {
  it("canonicalises IP text and rejects everything else", () => {
    expect(normalizeAddress("[0:0:0:0:0:0:0:1]")).toBe("::1");
    expect(normalizeAddress("127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("example.com")).toBeNull();
    expect(normalizeAddress("127.1")).toBeNull();
  });
});

describe("isAllowedByAllowList", () => {
  const { entries } = parseAllowList("127.0.0.1:3901,[::1]:*");

  it("opens exactly the listed address and port", () => {
    expect(isAllowedByAllowList("127.0.0.1", 3901, entries)).toBe(true);
    expect(isAllowedByAllowList("127.0.0.1", 3902, entries)).toBe(false);
    expect(isAllowedByAllowList("127.0.0.2", 3901, entries)).toBe(false);
    expect(isAllowedByAllowList("10.0.0.1", 3901, entries)).toBe(false);
  });

  it("matches a wildcard port and any spelling of the same address", () => {
    expect(isAllowedByAllowList("::1", 1, entries)).toBe(true);
    expect(isAllowedByAllowList("0:0:0:0:0:0:0:1", 65535, entries)).toBe(true);
  });

  it("does not treat an IPv4-mapped form as the IPv4 entry", () => {
    expect(isAllowedByAllowList("::ffff:127.0.0.1", 3901, entries)).toBe(false);
  });

  it("opens nothing when the list is empty", () => {
    expect(isAllowedByAllowList("127.0.0.1", 3901, [])).toBe(false);
  });
});

describe("vetResolvedAddresses", () => {
  const v4 = (address: string) => ({ address, family: 4 });
  const v6 = (address: string) => ({ address, family: 6 });

  it("accepts a set of public addresses, de-duplicated", () => {
    expect(vetResolvedAddresses([v4("93.184.216.34"), v6("2606:4700::1111"), v4("93.184.216.34")], 443, [])).toEqual({
      ok: true,
      addresses: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:4700::1111", family: 6 },
      ],
    });
  });

  it("refuses the whole set when any one address is not public", () => {
    const mixed = vetResolvedAddresses([v4("93.184.216.34"), v4("10.0.0.5")], 443, []);
    expect(mixed).toMatchObject({ ok: false, reason: "blocked", classification: { address: "10.0.0.5", range: "private" } });
    const mixedV6 = vetResolvedAddresses([v6("2606:4700::1111"), v6("::1")], 443, []);
    expect(mixedV6).toMatchObject({ ok: false, classification: { range: "loopback" } });
  });

  it("refuses an empty answer", () => {
    expect(vetResolvedAddresses([], 443, [])).toEqual({ ok: false, reason: "empty" });
  });

  it("lets the allow-list open a loopback answer on the listed port only", () => {
    const { entries } = parseAllowList("127.0.0.1:3901");
    expect(vetResolvedAddresses([v4("127.0.0.1")], 3901, entries)).toMatchObject({ ok: true });
    expect(vetResolvedAddresses([v4("127.0.0.1")], 80, entries)).toMatchObject({ ok: false });
    expect(vetResolvedAddresses([v4("127.0.0.1"), v6("::1")], 3901, entries)).toMatchObject({
      ok: false,
      classification: { address: "::1" },
    });
  });
});

describe("vetConnectedAddress", () => {
  const vetted = [{ address: "93.184.216.34" }, { address: "127.0.0.1" }];
  const { entries } = parseAllowList("127.0.0.1:3901");

  it("accepts the vetted address the socket reached", () => {
    expect(vetConnectedAddress("93.184.216.34", vetted, 443, [])).toEqual({ ok: true });
    expect(vetConnectedAddress("127.0.0.1", vetted, 3901, entries)).toEqual({ ok: true });
  });

  it("refuses a public address that was not the vetted one", () => {
    expect(vetConnectedAddress("1.1.1.1", vetted, 443, [])).toEqual({
      ok: false,
      message: "1.1.1.1 is not the address that was vetted",
    });
  });

  it("refuses a blocked address even if it was in the vetted set", () => {
    expect(vetConnectedAddress("127.0.0.1", vetted, 443, [])).toMatchObject({ ok: false, range: "loopback" });
    expect(vetConnectedAddress("127.0.0.1", vetted, 3902, entries)).toMatchObject({ ok: false, range: "loopback" });
  });

  it("refuses an unknown address", () => {
    expect(vetConnectedAddress(undefined, vetted, 443, [])).toMatchObject({ ok: false });
  });
});
