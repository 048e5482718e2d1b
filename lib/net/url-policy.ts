import {
  describeBlockedAddress,
  normalizeAddress,
  vetAddress,
  type AddressFamily,
  type BlockedRange,
} from "./address-policy";
import type { AllowList } from "./allow-list";

/**
 * Decides whether a merchant URL may be requested at all, before any DNS. Pure.
 *
 * Parsing is left to WHATWG `new URL()`, the same parser fetch uses, so what we vet is what
 * would be requested: it already turns `http://2130706433/`, `http://0x7f.1/`,
 * `http://0177.0.0.1/` and `http://127.1/` into `127.0.0.1`, and `[::ffff:127.0.0.1]` into
 * `[::ffff:7f00:1]`. IP-literal hosts are classified here; host names are vetted after DNS
 * at request time (see guarded-fetch.ts).
 */

export type OutboundUrlErrorCode =
  | "invalid_url"
  | "scheme_not_allowed"
  | "credentials_in_url"
  | "https_required"
  | "blocked_address";

export type OutboundTarget =
  | { kind: "ip"; address: string; family: AddressFamily; allowListed: boolean }
  | { kind: "hostname"; hostname: string };

export type OutboundUrl = {
  ok: true;
  url: URL;
  /** The effective port (443/80 when the URL has none). */
  port: number;
  target: OutboundTarget;
};

export type OutboundUrlRejection = {
  ok: false;
  code: OutboundUrlErrorCode;
  message: string;
  address?: string;
  range?: BlockedRange;
};

export type OutboundUrlOptions = {
  allowList?: AllowList;
  /** Refuse http: unless the host and port are on the allow-list (dev hosts). */
  requireHttps?: boolean;
};

const MAX_URL_LENGTH = 4096;

export function parseOutboundUrl(raw: string | URL, options: OutboundUrlOptions = {}): OutboundUrl | OutboundUrlRejection {
  const allowList = options.allowList ?? [];
  const text = typeof raw === "string" ? raw.trim() : raw.href;
  if (text.length > MAX_URL_LENGTH) {
    return reject("invalid_url", `The URL is longer than ${MAX_URL_LENGTH} characters.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return reject("invalid_url", "This is not a valid absolute URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return reject("scheme_not_allowed", `Only http and https URLs are allowed, not ${url.protocol.replace(/:$/, "")}.`);
  }
  if (url.username !== "" || url.password !== "") {
    return reject(
      "credentials_in_url",
      "The URL must not contain a user name or password; configure authentication separately.",
    );
  }
  if (url.hostname === "") return reject("invalid_url", "The URL has no host.");

  const port = effectivePort(url);
  if (url.protocol === "http:" && options.requireHttps && !isAllowListedHost(url, port, allowList)) {
    return reject("https_required", "The URL must use https.");
  }

  const literal = normalizeAddress(url.hostname);
  if (literal === null) {
    return { ok: true, url, port, target: { kind: "hostname", hostname: url.hostname } };
  }
  const verdict = vetAddress(literal, port, allowList);
  if (!verdict.ok) {
    const { classification } = verdict;
    return {
      ok: false,
      code: "blocked_address",
      message: `${describeBlockedAddress(classification)}; merchant URLs must point to a public address.`,
      address: classification.address,
      range: classification.range,
    };
  }
  return {
    ok: true,
    url,
    port,
    target: { kind: "ip", address: verdict.address, family: verdict.family, allowListed: verdict.allowListed },
  };
}

export function effectivePort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/** http is tolerated for a dev host only if the allow-list names that host (or its address) and port. */
function isAllowListedHost(url: URL, port: number, allowList: AllowList): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  const address = normalizeAddress(host);
  return allowList.some(
    (entry) => (entry.host === host || (address !== null && entry.address === address)) && (entry.port === "*" || entry.port === port),
  );
}

function reject(code: OutboundUrlErrorCode, message: string): OutboundUrlRejection {
  return { ok: false, code, message };
}

