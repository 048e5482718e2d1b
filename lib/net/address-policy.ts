import ipaddr from "ipaddr.js";
import type { AllowList } from "./allow-list";

/**
 * Which IP addresses a merchant URL may reach. Pure: no DNS, no sockets.
 *
 * The rule is an allow-rule, not a block-list: an address is reachable only if it is
 * public unicast. Everything ipaddr.js names as a special range is blocked, and for IPv6
 * only global unicast (2000::/3) can pass at all, so a range nobody listed fails closed.
 */

export type BlockedRange =
  | "invalid"
  | "unspecified"
  | "broadcast"
  | "multicast"
  | "loopback"
  | "private"
  | "linkLocal"
  | "carrierGradeNat"
  | "ietfProtocolAssignments"
  | "documentation"
  | "benchmarking"
  | "reserved"
  | "as112"
  | "amt"
  | "uniqueLocal"
  | "siteLocal"
  | "discard"
  | "orchid"
  | "segmentRouting"
  | "ipv4Mapped"
  | "ipv4Translated"
  | "ipv4Compatible"
  | "nat64"
  | "6to4"
  | "teredo";

export type AddressFamily = 4 | 6;

export type EmbeddedIPv4 = { address: string; range: BlockedRange | "public" };

export type AddressClassification =
  | { kind: "public"; address: string; family: AddressFamily; embedded?: EmbeddedIPv4 }
  | {
      kind: "blocked";
      address: string;
      family: AddressFamily | null;
      range: BlockedRange;
      /** The IPv4 address carried inside an IPv6 one (mapped, NAT64, 6to4, ...), if any. */
      embedded?: EmbeddedIPv4;
    };

type V4Range = readonly [string, number];

// Named separately from ipaddr.js's single "reserved" bucket so errors say what was hit.
const IPV4_REFINED: ReadonlyArray<readonly [BlockedRange, readonly V4Range[]]> = [
  ["ietfProtocolAssignments", [["192.0.0.0", 24]]],
  [
    "documentation",
    [
      ["192.0.2.0", 24],
      ["198.51.100.0", 24],
      ["203.0.113.0", 24],
    ],
  ],
  ["benchmarking", [["198.18.0.0", 15]]],
];

const IPV4_RANGE_NAMES: Record<string, BlockedRange> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "linkLocal",
  loopback: "loopback",
  carrierGradeNat: "carrierGradeNat",
  private: "private",
  reserved: "reserved",
  as112: "as112",
  amt: "amt",
};

const IPV6_RANGE_NAMES: Record<string, BlockedRange> = {
  unspecified: "unspecified",
  linkLocal: "linkLocal",
  multicast: "multicast",
  loopback: "loopback",
  uniqueLocal: "uniqueLocal",
  ipv4Mapped: "ipv4Mapped",
  deprecatedSiteLocal: "siteLocal",
  discard: "discard",
  rfc6145: "ipv4Translated",
  rfc6052: "nat64",
  "6to4": "6to4",
  teredo: "teredo",
  benchmarking: "benchmarking",
  amt: "amt",
  as112v6: "as112",
  deprecatedOrchid: "orchid",
  orchid2: "orchid",
  droneRemoteIdProtocolEntityTags: "orchid",
  segmentRouting: "segmentRouting",
  reserved: "reserved",
};

const IPV6_DOCUMENTATION: ReadonlyArray<readonly [string, number]> = [
  ["2001:db8::", 32],
  ["3fff::", 20],
];

/**
 * Classifies an IP address given as canonical text (what DNS, `URL.hostname` and
 * `socket.remoteAddress` produce). Non-canonical spellings such as `2130706433`, `0x7f.1`
 * or `010.0.0.1` are "invalid" here, which blocks them: URLs are normalised by WHATWG
 * `new URL()` before they reach this function.
 */
export function classifyAddress(ip: string): AddressClassification {
  const text = stripBrackets(ip.trim());
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return classifyIPv4(ipaddr.IPv4.parse(text));
  // Zone ids ("fe80::1%eth0") only make sense on link-local addresses, which are blocked anyway.
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return classifyIPv6(ipaddr.IPv6.parse(text));
  return { kind: "blocked", address: ip, family: null, range: "invalid" };
}

function classifyIPv4(addr: ipaddr.IPv4): AddressClassification {
  const address = addr.toString();
  for (const [name, ranges] of IPV4_REFINED) {
    if (ranges.some(([base, bits]) => addr.match(ipaddr.IPv4.parse(base), bits))) {
      return { kind: "blocked", address, family: 4, range: name };
    }
  }
  const range = addr.range();
  if (range === "unicast") return { kind: "public", address, family: 4 };
  return { kind: "blocked", address, family: 4, range: IPV4_RANGE_NAMES[range] ?? "reserved" };
}

function classifyIPv6(addr: ipaddr.IPv6): AddressClassification {
  const address = addr.toString();
  const range = addr.range();
  const blocked = (name: BlockedRange, embedded?: EmbeddedIPv4): AddressClassification => ({
    kind: "blocked",
    address,
    family: 6,
    range: name,
    ...(embedded ? { embedded } : {}),
  });

  // Node would connect to the embedded IPv4 address; block them whatever it is.
  if (range === "ipv4Mapped" || range === "rfc6145") {
    return blocked(IPV6_RANGE_NAMES[range] ?? "reserved", embeddedAt(addr, 6));
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) are reachable through public gateways, so they
  // pass only when the IPv4 address they carry is itself public.
  if (range === "rfc6052" && addr.match(ipaddr.IPv6.parse("64:ff9b::"), 96)) {
    const embedded = embeddedAt(addr, 6);
    return embedded.range === "public"
      ? { kind: "public", address, family: 6, embedded }
      : blocked("nat64", embedded);
  }
  if (range === "6to4") {
    const embedded = embeddedAt(addr, 1);
    return embedded.range === "public"
      ? { kind: "public", address, family: 6, embedded }
      : blocked("6to4", embedded);
  }
  if (range === "reserved" && IPV6_DOCUMENTATION.some(([base, bits]) => addr.match(ipaddr.IPv6.parse(base), bits))) {
    return blocked("documentation");
  }
  if (range !== "unicast") return blocked(IPV6_RANGE_NAMES[range] ?? "reserved");

  // ::a.b.c.d (deprecated IPv4-compatible); "unicast" to ipaddr.js, but not routable.
  if (addr.match(ipaddr.IPv6.parse("::"), 96)) return blocked("ipv4Compatible", embeddedAt(addr, 6));
  // Only global unicast is assigned for the public internet.
  if (!addr.match(ipaddr.IPv6.parse("2000::"), 3)) return blocked("reserved");
  return { kind: "public", address, family: 6 };
}

/** The IPv4 address held in the 16-bit parts `part` and `part + 1` of an IPv6 address. */
function embeddedAt(addr: ipaddr.IPv6, part: number): EmbeddedIPv4 {
  const high = addr.parts[part] ?? 0;
  const low = addr.parts[part + 1] ?? 0;
  const v4 = new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const inner = classifyIPv4(v4);
  return { address: inner.address, range: inner.kind === "public" ? "public" : inner.range };
}

function stripBrackets(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

/** Canonical text of an IP address (compressed lower-case IPv6), or null if it is not one. */
export function normalizeAddress(ip: string): string | null {
  const text = stripBrackets(ip.trim());
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text).toString();
  return null;
}

/** True if the allow-list explicitly opens this exact address and port. */
export function isAllowedByAllowList(ip: string, port: number, allowList: AllowList): boolean {
  const address = normalizeAddress(ip);
  if (address === null) return false;
  return allowList.some((entry) => entry.address === address && (entry.port === "*" || entry.port === port));
}

export type AddressVerdict =
  | { ok: true; address: string; family: AddressFamily; allowListed: boolean }
  | { ok: false; classification: Extract<AddressClassification, { kind: "blocked" }> };

/** Whether one address may be connected to on `port`: public, or opened by the allow-list. */
export function vetAddress(ip: string, port: number, allowList: AllowList): AddressVerdict {
  const classification = classifyAddress(ip);
  if (classification.kind === "public") {
    return { ok: true, address: classification.address, family: classification.family, allowListed: false };
  }
  if (classification.family !== null && isAllowedByAllowList(ip, port, allowList)) {
    return { ok: true, address: classification.address, family: classification.family, allowListed: true };
  }
  return { ok: false, classification };
}

export type ResolvedAddress = { address: string; family: number };

export type AddressSetVerdict =
  | { ok: true; addresses: Array<{ address: string; family: AddressFamily }> }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "blocked"; classification: Extract<AddressClassification, { kind: "blocked" }> };

/**
 * Vets every address a hostname resolved to. One blocked address refuses the whole set:
 * a name that points at both a public and a private address is an attack or a
 * misconfiguration, and picking the public one would leave the choice to the attacker's
 * resolver on the next lookup.
 */
export function vetResolvedAddresses(
  addresses: readonly ResolvedAddress[],
  port: number,
  allowList: AllowList,
): AddressSetVerdict {
  if (addresses.length === 0) return { ok: false, reason: "empty" };
  const vetted: Array<{ address: string; family: AddressFamily }> = [];
  for (const { address } of addresses) {
    const verdict = vetAddress(address, port, allowList);
    if (!verdict.ok) return { ok: false, reason: "blocked", classification: verdict.classification };
    if (!vetted.some((v) => v.address === verdict.address)) {
      vetted.push({ address: verdict.address, family: verdict.family });
    }
  }
  return { ok: true, addresses: vetted };
}

export type ConnectedAddressVerdict = { ok: true } | { ok: false; message: string; range?: BlockedRange };

/**
 * The last check, on the address a socket actually connected to: it must be one of the vetted
 * addresses and still pass on its own. Catches anything that slipped past the pinned lookup.
 */
export function vetConnectedAddress(
  remote: string | undefined,
  vetted: ReadonlyArray<{ address: string }>,
  port: number,
  allowList: AllowList,
): ConnectedAddressVerdict {
  if (!remote) return { ok: false, message: "the connected address is unknown" };
  const verdict = vetAddress(remote, port, allowList);
  if (!verdict.ok) {
    return { ok: false, message: describeBlockedAddress(verdict.classification), range: verdict.classification.range };
  }
  if (!vetted.some((v) => v.address === verdict.address)) {
    return { ok: false, message: `${verdict.address} is not the address that was vetted` };
  }
  return { ok: true };
}

const RANGE_LABELS: Record<BlockedRange, string> = {
  invalid: "not a valid IP address",
  unspecified: "an unspecified (0.0.0.0/8 or ::) address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  loopback: "a loopback address",
  private: "a private-network address",
  linkLocal: "a link-local address (this includes cloud metadata services such as 169.254.169.254)",
  carrierGradeNat: "a carrier-grade NAT (100.64.0.0/10) address",
  ietfProtocolAssignments: "an IETF protocol-assignment (192.0.0.0/24) address",
  documentation: "a documentation-only address",
  benchmarking: "a benchmarking-only address",
  reserved: "a reserved address",
  as112: "an AS112 sink address",
  amt: "an AMT relay address",
  uniqueLocal: "a unique-local (private IPv6) address",
  siteLocal: "a site-local address",
  discard: "a discard-only address",
  orchid: "an ORCHID (non-routable identifier) address",
  segmentRouting: "a segment-routing address",
  ipv4Mapped: "an IPv4-mapped IPv6 address",
  ipv4Translated: "an IPv4-translated IPv6 address",
  ipv4Compatible: "an IPv4-compatible IPv6 address",
  nat64: "a NAT64 address carrying a non-public IPv4 address",
  "6to4": "a 6to4 address carrying a non-public IPv4 address",
  teredo: "a Teredo tunnel address",
};

/** A sentence for people: "127.0.0.1 is a loopback address". */
export function describeBlockedAddress(classification: Extract<AddressClassification, { kind: "blocked" }>): string {
  const embedded = classification.embedded ? ` (it carries ${classification.embedded.address})` : "";
  return `${classification.address} is ${RANGE_LABELS[classification.range]}${embedded}`;
}
