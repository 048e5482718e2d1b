// API key secrets: generated from the OS CSPRNG, stored only as a SHA-256 hash with a visible
// prefix. A high-entropy random secret needs no slow hash or salt: SHA-256 lets the hot path look
// a key up by its hash with one indexed query.
//
// Demo keys: the demo data generator (scripts/demo) creates keys with fixed, documented secrets.
// They carry the `demo` scope, and the key check must accept a key with that scope ONLY when
// `SKILLGATE_DEMO_MODE=1` (the start script sets it when it runs the embedded database), so the
// published demo secrets open nothing on a real deployment.
import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyKind } from "../generated/prisma/enums";

export const DEMO_SCOPE = "demo";

const kindPrefix: Record<ApiKeyKind, string> = {
  PLATFORM_INGEST: "sg_ingest_",
  AGENT: "sg_agent_",
  MERCHANT_ANALYTICS: "sg_analytics_",
};

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARS = 32;

/** `sg_<ingest|agent|analytics>_` followed by 32 uniformly random base62 characters (~190 bits). */
export function generateApiKeySecret(kind: ApiKeyKind): string {
  let out = kindPrefix[kind];
  while (out.length < kindPrefix[kind].length + RANDOM_CHARS) {
    for (const byte of randomBytes(RANDOM_CHARS)) {
      // Rejection sampling: 248 = 4 × 62, so accepted bytes map to base62 without bias.
      if (byte < 248 && out.length < kindPrefix[kind].length + RANDOM_CHARS) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Lower-case hex SHA-256 of the secret: what `ApiKey.hash` stores and lookups compare. */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The first 12 characters, stored in `ApiKey.prefix` and shown in key lists. */
export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, 12);
}

/** The kind a secret claims by its prefix, or null if it is not shaped like a Skillgate key. */
export function apiKeyKindOf(secret: string): ApiKeyKind | null {
  for (const [kind, prefix] of Object.entries(kindPrefix) as [ApiKeyKind, string][]) {
    if (secret.startsWith(prefix)) return kind;
  }
  return null;
}

/** Keys with the `demo` scope are usable only in demo mode (see the comment at the top). */
export function isDemoKeyScopes(scopes: readonly string[]): boolean {
  return scopes.includes(DEMO_SCOPE);
}
