import ipaddr from "ipaddr.js";

/**
 * The outbound allow-list: explicit address:port pairs that the guarded client may reach even
 * though they are not public (a mock merchant on 127.0.0.1 in local development and tests).
 *
 *   SKILLGATE_OUTBOUND_ALLOWLIST=127.0.0.1:3901,[::1]:3901,localhost:*
 *
 * Entries are IP addresses (IPv6 in brackets) or `localhost`, which stands for both 127.0.0.1
 * and ::1. Other host names are refused: a name is resolved again on every request and could
 * point anywhere, so only addresses can be opened. The port is a number or `*`.
 */
export const OUTBOUND_ALLOWLIST_ENV = "SKILLGATE_OUTBOUND_ALLOWLIST";
export const OUTBOUND_ALLOWLIST_IN_PRODUCTION_ENV = "SKILLGATE_OUTBOUND_ALLOWLIST_IN_PRODUCTION";

export type AllowListEntry = {
  /** The host as written in the entry, lower-case ("127.0.0.1", "::1", "localhost"). */
  host: string;
  /** Canonical IP text the entry opens. */
  address: string;
  port: number | "*";
};

export type AllowList = readonly AllowListEntry[];

export type AllowListParseResult = { entries: AllowListEntry[]; invalid: Array<{ entry: string; reason: string }> };

const LOCALHOST_ADDRESSES = ["127.0.0.1", "::1"] as const;

/** Parses a comma-separated allow-list. Pure; never throws. */
export function parseAllowList(raw: string | undefined): AllowListParseResult {
  const result: AllowListParseResult = { entries: [], invalid: [] };
  for (const part of (raw ?? "").split(",")) {
    const entry = part.trim();
    if (entry === "") continue;
    const parsed = parseEntry(entry);
    if ("reason" in parsed) result.invalid.push({ entry, reason: parsed.reason });
    else result.entries.push(...parsed.entries);
  }
  return result;
}

function parseEntry(entry: string): { entries: AllowListEntry[] } | { reason: string } {
  const match = /^(\[[^\]]*\]|[^:[\]]+):(\*|\d{1,5})$/.exec(entry);
  if (!match) return { reason: "expected host:port, e.g. 127.0.0.1:3901, [::1]:3901 or 127.0.0.1:*" };
  const rawHost = (match[1] ?? "").toLowerCase();
  const rawPort = match[2] ?? "";
  const port = rawPort === "*" ? "*" : Number(rawPort);
  if (port !== "*" && (port < 1 || port > 65535)) return { reason: "port must be 1-65535 or *" };

  if (rawHost === "localhost") {
    return { entries: LOCALHOST_ADDRESSES.map((address) => ({ host: "localhost", address, port })) };
  }
  const bracketed = rawHost.startsWith("[");
  const host = bracketed ? rawHost.slice(1, -1) : rawHost;
  if (bracketed ? !ipaddr.IPv6.isValid(host) || host.includes("%") : !ipaddr.IPv4.isValidFourPartDecimal(host)) {
    return { reason: "host must be an IPv4 address, a bracketed IPv6 address or localhost" };
  }
  return { entries: [{ host, address: ipaddr.parse(host).toString(), port }] };
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the allow-list from the environment. Ignored when NODE_ENV is "production": a
 * leftover dev setting must not open loopback on a real deployment, where it would let any
 * merchant URL reach the app's own ports. The e2e suite runs the production build against
 * mock merchants on loopback, so it sets SKILLGATE_OUTBOUND_ALLOWLIST_IN_PRODUCTION=1 as a
 * second, deliberate switch. Throws on a malformed entry so a typo is noticed, not ignored.
 */
export function readOutboundAllowList(env: Env = process.env): AllowList {
  const raw = env[OUTBOUND_ALLOWLIST_ENV];
  if (!raw || raw.trim() === "") return [];
  if (env.NODE_ENV === "production" && env[OUTBOUND_ALLOWLIST_IN_PRODUCTION_ENV] !== "1") return [];
  const { entries, invalid } = parseAllowList(raw);
  if (invalid.length > 0) {
    const details = invalid.map(({ entry, reason }) => `"${entry}": ${reason}`).join("; ");
    throw new Error(`${OUTBOUND_ALLOWLIST_ENV} has invalid entries: ${details}`);
  }
  return entries;
}
