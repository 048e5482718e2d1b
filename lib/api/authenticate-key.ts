import "server-only";
import type { NextResponse } from "next/server";
import { apiKeyKindOf, hashApiKeySecret, isDemoKeyScopes } from "@/lib/api-keys/secret";
import { findApiKeyByHash, touchApiKey, type ApiKeyRecord } from "@/lib/data/api-keys";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums";
import { apiError, type ApiErrorBody } from "./problem";

// API keys arrive as `Authorization: Bearer <secret>` (or `X-Api-Key`). Lookups are cached
// briefly per instance because the policy decision API is a hot path; a revoked key stops
// working within CACHE_MS on every instance.
const CACHE_MS = 10_000;
const cache = new Map<string, { record: ApiKeyRecord | null; expires: number }>();

export type AuthenticatedKey = Omit<ApiKeyRecord, "revokedAt">;

function secretFrom(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return header.slice(7).trim();
  return request.headers.get("x-api-key")?.trim() || null;
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

export async function authenticateApiKey(
  request: Request,
  kinds: readonly ApiKeyKind[],
): Promise<{ ok: true; key: AuthenticatedKey } | { ok: false; response: NextResponse<ApiErrorBody> }> {
  const secret = secretFrom(request);
  const challenge = { "WWW-Authenticate": 'Bearer realm="skillgate"' };
  if (!secret) return { ok: false, response: apiError(401, "missing_api_key", "Send your API key as `Authorization: Bearer <key>`.", {}, challenge) };
  const claimed = apiKeyKindOf(secret);
  if (!claimed) return { ok: false, response: apiError(401, "invalid_api_key", "This is not a Skillgate API key.", {}, challenge) };
  const record = await lookup(hashApiKeySecret(secret));
  if (!record || record.revokedAt) {
    return { ok: false, response: apiError(401, "invalid_api_key", "Unknown or revoked API key.", {}, challenge) };
  }
  if (isDemoKeyScopes(record.scopes) && !demoModeEnabled()) {
    return { ok: false, response: apiError(401, "demo_key_disabled", "Demo keys work only in demo mode.", {}, challenge) };
  }
  if (!kinds.includes(record.kind)) {
    return {
      ok: false,
      response: apiError(403, "wrong_key_kind", `This endpoint needs a ${kinds.join(" or ")} key; this is a ${record.kind} key.`),
    };
  }
  const { revokedAt: _revoked, ...key } = record;
  return { ok: true, key };
}

/** For tests: forget cached lookups (e.g. after revoking a key). */
export function clearApiKeyCache(): void {
  cache.clear();
}
