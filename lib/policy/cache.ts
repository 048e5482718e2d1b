// Compiled policies kept in memory per merchant, for the decision API's hot path. A cached
// policy is trusted for `versionCheckIntervalMs`; after that the next get asks the database
// for the policy's version (a one-row read) and reloads and recompiles only if it changed.
// Concurrent gets for one merchant share a single check/load (single-flight).
//
// A loader error is passed to the callers of that load and nothing is cached from it; a stale
// entry is kept so the next get retries. The cache holds at most `maxEntries` merchants and
// drops the least recently refreshed one first.
import { compilePolicy, type CompiledPolicy } from "./compile";
import type { PolicySnapshot } from "./types";

export type PolicyCacheOptions = {
  /** The current policy version, or null when the merchant (or its policy) does not exist. */
  loadVersion(merchantId: string): Promise<number | null>;
  loadSnapshot(merchantId: string): Promise<PolicySnapshot | null>;
  /** Default 1000 ms; 0 checks the version on every get. */
  versionCheckIntervalMs?: number;
  maxEntries?: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
};

export type PolicyCache = {
  get(merchantId: string): Promise<CompiledPolicy | null>;
  /** The cached policy while it needs no version check, without loading; undefined otherwise. */
  peek(merchantId: string): CompiledPolicy | undefined;
  /** Forget the merchant's policy, e.g. right after this process changed it. */
  invalidate(merchantId: string): void;
};

type Entry = { policy: CompiledPolicy; checkedAt: number };

export function createPolicyCache(options: PolicyCacheOptions): PolicyCache {
  const interval = options.versionCheckIntervalMs ?? 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<CompiledPolicy | null>>();
  // Bumped by invalidate, so a load that started before it does not store its result.
  const generations = new Map<string, number>();
  const generationOf = (id: string) => generations.get(id) ?? 0;

  function store(merchantId: string, entry: Entry) {
    entries.delete(merchantId);
    entries.set(merchantId, entry);
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  }

  async function refresh(merchantId: string): Promise<CompiledPolicy | null> {
    const generation = generationOf(merchantId);
    const current = () => generation === generationOf(merchantId);
    const checkedAt = now();
    const version = await options.loadVersion(merchantId);
    if (version === null) {
      if (current()) entries.delete(merchantId);
      return null;
    }
    const cached = entries.get(merchantId);
    let policy = cached && cached.policy.version === version ? cached.policy : null;
    if (!policy) {
      const snapshot = await options.loadSnapshot(merchantId);
      if (!snapshot) {
        if (current()) entries.delete(merchantId);
        return null;
      }
      policy = compilePolicy(snapshot);
    }
    if (current()) store(merchantId, { policy, checkedAt });
    return policy;
  }

  function peek(merchantId: string): CompiledPolicy | undefined {
    const entry = entries.get(merchantId);
    return entry && now() - entry.checkedAt < interval ? entry.policy : undefined;
  }

  return {
    peek,
    async get(merchantId) {
      const fresh = peek(merchantId);
      if (fresh) return fresh;
      const pending = inflight.get(merchantId);
      if (pending) return pending;
      const load = refresh(merchantId).finally(() => {
        if (inflight.get(merchantId) === load) inflight.delete(merchantId);
      });
      inflight.set(merchantId, load);
      return load;
    },
    invalidate(merchantId) {
      entries.delete(merchantId);
      inflight.delete(merchantId);
      generations.set(merchantId, generationOf(merchantId) + 1);
    },
  };
}
