// Which address a request came from, for throttling and the audit log. `X-Forwarded-For` is only
// as trustworthy as the proxies that wrote it: a client can send any chain it likes, and each
// proxy appends the address it saw. So the production server (scripts/runtime/server.ts) counts
// back from the connection's own peer through the number of proxies the deployment says it runs
// behind (SKILLGATE_TRUSTED_PROXY_HOPS, default 0: no proxy, the peer is the client), and
// replaces the header with that one address before Next.js or the fast path read it. What a
// client wrote into the chain beyond the trusted hops is ignored.
import type { IncomingMessage, RequestListener } from "node:http";

export const TRUSTED_PROXY_HOPS_VARIABLE = "SKILLGATE_TRUSTED_PROXY_HOPS";
const MAX_HOPS = 10;

/**
 * The client address: the peer with no trusted proxy; with n trusted proxies, the entry the
 * outermost of them appended, i.e. n entries back from the peer (the left-most entry when the
 * chain is shorter).
 */
export function clientAddressFrom(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string | undefined {
  const written = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = peer ? [...written, peer] : written;
  if (chain.length === 0 || (trustedHops === 0 && !peer)) return undefined;
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/** SKILLGATE_TRUSTED_PROXY_HOPS: a whole number from 0 to 10; anything else stops the server with this message. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env[TRUSTED_PROXY_HOPS_VARIABLE]?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_HOPS) {
    throw new Error(`${TRUSTED_PROXY_HOPS_VARIABLE} must be a whole number from 0 to ${MAX_HOPS} (the proxies in front of Skillgate), not "${raw}".`);
  }
  return hops;
}

/** Rewrites X-Forwarded-For to the one client address the server trusts, then hands the request on. */
export function withTrustedClientAddress(listener: RequestListener, trustedHops: number): RequestListener {
  return (request: IncomingMessage, response) => {
    const address = clientAddressFrom(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
    if (address) request.headers["x-forwarded-for"] = address;
    else delete request.headers["x-forwarded-for"];
    delete request.headers["x-real-ip"]; // only the address worked out above counts
    listener(request, response);
  };
}
