import "server-only";
import type { NextResponse } from "next/server";
import { apiKeyKindOf, hashApiKeySecret, isDemoKeyScopes } from "@/lib/api-keys/secret";
import { findApiKeyByHash, touchApiKey, type ApiKeyRecord } from "@/lib/data/api-keys";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums";
import type { HeaderReader, Refusal } from "./handler-result";
import { apiError, type ApiErrorBody } from "./problem";

// API keys arrive as `Authorization: Bearer <secret>` (or `X-Api-Key`). Lookups are cached
// briefly per instance because the policy decision API is a hot path; a revoked key stops
// working within CACHE_MS on every instance.
const CACHE_MS = 10_000;
const cache = new Map<string, { record: ApiKeyRecord | null; expires: number }>();

export type AuthenticatedKey = Omit<ApiKeyRecord, "revokedAt">;

function secretFrom(headers: HeaderReader): string | null {
  const header = headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return header.slice(7).trim();
  return headers.get("x-api-key")?.trim() || null;
}

async function lookup(hash: string): Promise<ApiKeyRecord | null> {
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.expires > now) return hit.record;
  const record = await findApiKeyByHash({ hash });
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { record, expires: now + CACHE_MS });
  if (record && !record.revokedAt) void touchApiKey({ id: record.id }).catch(() => {});
  return record;
}

export function demoModeEnabled(): boolean {
  return process.env.SKILLGATE_DEMO_MODE === "1";
}

export type KeyCheck = { ok: true; key: AuthenticatedKey } | Refusal;

const challenge = { "WWW-Authenticate": 'Bearer realm="skillgate"' };
const unauthorized = (code: string, message: string): Refusal => ({ ok: false, status: 401, code, message, headers: challenge });

/** The hash to look the key up by, or the refusal that needs no lookup. */
function claimedKey(headers: HeaderReader): { hash: string } | Refusal {
  const secret = secretFrom(headers);
  if (!secret) return unauthorized("missing_api_key", "Send your API key as `Authorization: Bearer <key>`.");
  if (!apiKeyKindOf(secret)) return unauthorized("invalid_api_key", "This is not a Skillgate API key.");
  return { hash: hashApiKeySecret(secret) };
}

function judge(record: ApiKeyRecord | null, kinds: readonly ApiKeyKind[], scope: string | undefined): KeyCheck {
  if (!record || record.revokedAt) return unauthorized("invalid_api_key", "Unknown or revoked API key.");
  if (isDemoKeyScopes(record.scopes) && !demoModeEnabled()) return unauthorized("demo_key_disabled", "Demo keys work only in demo mode.");
  if (!kinds.includes(record.kind)) {
    return { ok: false, status: 403, code: "wrong_key_kind", message: `This endpoint needs a ${kinds.join(" or ")} key; this is a ${record.kind} key.` };
  }
  if (scope && !record.scopes.includes(scope)) {
    return {
      ok: false,
      status: 403,
      code: "insufficient_scope",
      message: `This endpoint needs a key with the "${scope}" scope; this key has ${record.scopes.length ? record.scopes.map((s) => `"${s}"`).join(", ") : "no scopes"}.`,
      // RFC 6750 §3: tell the client which scope is missing.
      headers: { "WWW-Authenticate": `Bearer realm="skillgate", error="insufficient_scope", scope="${scope}"` },
    };
  }
  const { revokedAt: _revoked, ...key } = record;
  return { ok: true, key };
}

/**
 * The key check without a transport: the request's headers in, the key or a refusal out.
 * `scope`, when given, must be among the key's scopes (e.g. `policy:read` for the decision API).
 */
export async function checkApiKey(headers: HeaderReader, kinds: readonly ApiKeyKind[], scope?: string): Promise<KeyCheck> {
  const claimed = claimedKey(headers);
  if ("ok" in claimed) return claimed;
  return judge(await lookup(claimed.hash), kinds, scope);
}

/** checkApiKey from memory only, for the decision API's synchronous path: undefined when the key is not cached. */
export function peekApiKey(headers: HeaderReader, kinds: readonly ApiKeyKind[], scope?: string): KeyCheck | undefined {
  const claimed = claimedKey(headers);
  if ("ok" in claimed) return claimed;
  const record = cachedApiKeyRecord(claimed.hash);
  return record === undefined ? undefined : judge(record, kinds, scope);
}

/**
 * For answers remembered per key (the decision API's memo): the hash a request's key is looked
 * up by, or undefined when the request carries no well-formed key (that refusal needs no memo).
 */
export function apiKeyHashOf(headers: HeaderReader): string | undefined {
  const claimed = claimedKey(headers);
  return "ok" in claimed ? undefined : claimed.hash;
}

/** The key record cached for a hash while it is fresh; a reload (or expiry) gives a different object (or undefined). */
export function cachedApiKeyRecord(hash: string): ApiKeyRecord | null | undefined {
  const hit = cache.get(hash);
  return hit && hit.expires > Date.now() ? hit.record : undefined;
}

/** checkApiKey for a Next.js route: a refusal comes back as the error response to return. */
export async function authenticateApiKey(
  request: Request,
  kinds: readonly ApiKeyKind[],
  scope?: string,
): Promise<{ ok: true; key: AuthenticatedKey } | { ok: false; response: NextResponse<ApiErrorBody> }> {
  const check = await checkApiKey(request.headers, kinds, scope);
  if (check.ok) return check;
  return { ok: false, response: apiError(check.status, check.code, check.message, {}, check.headers) };
}

/** For tests: forget cached lookups (e.g. after revoking a key). */
export function clearApiKeyCache(): void {
  cache.clear();
}
