import "server-only";
import { findAgentById, findAgentBySlug, findMerchantBySlug, getPolicySnapshot, getPolicyVersion } from "@/lib/data/visibility";
import { createPolicyCache, type PolicyCache } from "@/lib/policy/cache";
import { createTtlCache, type TtlCache } from "./ttl-cache";

// The decision API's per-process state: compiled policies per merchant and brief slug lookups.
//
// Freshness, the contract agent runtimes rely on:
// - In this process, the server action that changes a policy calls invalidatePolicy() after its
//   transaction commits, so the very next decision here is made on the new version.
// - Other instances (the web tier scales out) trust a compiled policy for VERSION_CHECK_MS, then
//   read its version (one indexed row) and recompile only when it changed: they follow within
//   about a second. Integration changes made by other modules (a version going live or being
//   suspended) do not bump the policy version; a fingerprint of the merchant's integrations,
//   read in the same query, forces the reload for those.
// - Slug lookups (merchant → id, agent → id/isTest) are trusted for LOOKUP_MS.
// Kept on globalThis so route handlers and server actions, bundled separately, share one copy.

export const VERSION_CHECK_MS = 1000;
export const LOOKUP_MS = 10_000;
const LOOKUP_MISS_MS = 2000;

export type RuntimeMerchant = NonNullable<Awaited<ReturnType<typeof findMerchantBySlug>>>;
export type RuntimeAgent = NonNullable<Awaited<ReturnType<typeof findAgentBySlug>>>;

export type PolicyRuntime = {
  policies: PolicyCache;
  merchants: TtlCache<RuntimeMerchant>;
  agents: TtlCache<RuntimeAgent>;
  agentsById: TtlCache<RuntimeAgent>;
};

function createPolicyRuntime(): PolicyRuntime {
  // The integrations fingerprint each cached policy was compiled with.
  const compiledWith = new Map<string, string>();
  const seen = new Map<string, string>();
  const policies = createPolicyCache({
    versionCheckIntervalMs: VERSION_CHECK_MS,
    async loadVersion(merchantId) {
      const current = await getPolicyVersion({ merchantId });
      if (!current) return null;
      seen.set(merchantId, current.integrationsFingerprint);
      // No cached policy carries version -1, so this forces a reload.
      return compiledWith.get(merchantId) === current.integrationsFingerprint ? current.version : -1;
    },
    async loadSnapshot(merchantId) {
      const fingerprint = seen.get(merchantId);
      const snapshot = await getPolicySnapshot({ merchantId });
      if (snapshot && fingerprint !== undefined) compiledWith.set(merchantId, fingerprint);
      return snapshot;
    },
  });
  return {
    policies,
    merchants: createTtlCache({ load: (slug) => findMerchantBySlug({ slug }), ttlMs: LOOKUP_MS, missTtlMs: LOOKUP_MISS_MS }),
    agents: createTtlCache({ load: (slug) => findAgentBySlug({ slug }), ttlMs: LOOKUP_MS, missTtlMs: LOOKUP_MISS_MS }),
    agentsById: createTtlCache({ load: (id) => findAgentById({ id }), ttlMs: LOOKUP_MS, missTtlMs: LOOKUP_MISS_MS }),
  };
}

const KEY = Symbol.for("skillgate.policyRuntime");
type Holder = { [KEY]?: PolicyRuntime };

export function policyRuntime(): PolicyRuntime {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createPolicyRuntime());
}

/** Call after a committed policy change: this process's next decision uses the new version. */
export function invalidatePolicy(merchantId: string): void {
  policyRuntime().policies.invalidate(merchantId);
}

/** For tests: forget everything. */
export function resetPolicyRuntime(): void {
  delete (globalThis as Holder)[KEY];
}
