// Whether an endpoint URL may be used: https, or http on a development host the operator
// allow-listed (entries "host" or "host:port", e.g. "127.0.0.1:3901", "localhost").

export type EndpointVerdict =
  | { valid: false; reason: string }
  | { valid: true; url: URL; https: boolean; devHost: boolean; allowed: boolean };

export function isDevHost(url: URL, devHostAllowList: readonly string[]): boolean {
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return devHostAllowList.some((entry) => {
    const e = entry.trim().toLowerCase();
    return e !== "" && (e === host || e === hostname);
  });
}

export function classifyEndpoint(raw: string | undefined, devHostAllowList: readonly string[]): EndpointVerdict {
  if (!raw) return { valid: false, reason: "no URL" };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { valid: false, reason: "not an absolute URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { valid: false, reason: `unsupported scheme ${url.protocol}` };
  const https = url.protocol === "https:";
  const devHost = isDevHost(url, devHostAllowList);
  return { valid: true, url, https, devHost, allowed: https || devHost };
}

/** Comma- or whitespace-separated list, as in SKILLGATE_OUTBOUND_ALLOWLIST. */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter(Boolean);
}
