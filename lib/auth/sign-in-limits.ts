// Sign-in throttling: failed attempts are counted per account and per client address, so one
// address cannot guess many passwords for one account, nor spray one password over many.
import type { RateLimitRule } from "./rate-limit-window";

export const signInAccountRule: RateLimitRule = { limit: 5, windowMs: 15 * 60_000 };
export const signInAddressRule: RateLimitRule = { limit: 30, windowMs: 15 * 60_000 };
export const registerAddressRule: RateLimitRule = { limit: 10, windowMs: 60 * 60_000 };

/** The error code `authorize` throws; next-auth hands it back to the sign-in form. */
export const signInRateLimited = "RateLimited";
export const signInAccountDisabled = "AccountDisabled";

export function signInAccountKey(email: string): string {
  return `sign-in:account:${email.trim().toLowerCase()}`;
}

export function signInAddressKey(address: string): string {
  return `sign-in:address:${address}`;
}

export function registerAddressKey(address: string): string {
  return `register:address:${address}`;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client address: the first x-forwarded-for entry (what the load balancer saw), else
 * x-real-ip, else "unknown" (all such clients share one bucket, which fails safe).
 */
export function clientAddress(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  const real = header(headers, "x-real-ip")?.trim();
  return real || "unknown";
}
