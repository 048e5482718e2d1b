import "server-only";
import { ingestPool } from "./ingest-pool";

// Slug → id lookups for ingest batches. Hits are cached per instance for a minute (merchants,
// agents and integrations are not renamed or moved between merchants); misses are not cached,
// so a merchant created a moment ago is found by its next batch. One query per kind per batch,
// and only for names not cached yet.
const TTL_MS = 60_000;
type Entry<T> = { value: T; expires: number };
const merchants = new Map<string, Entry<string>>();
const agents = new Map<string, Entry<string>>();
/** integration id → its merchant id */
const integrations = new Map<string, Entry<string>>();

async function resolve(cache: Map<string, Entry<string>>, names: Iterable<string>, sql: string): Promise<Map<string, string>> {
  const now = Date.now();
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const name of new Set(names)) {
    const hit = cache.get(name);
    if (hit && hit.expires > now) out.set(name, hit.value);
    else missing.push(name);
  }
  if (missing.length) {
    const { rows } = await ingestPool().query<{ name: string; value: string }>(sql, [missing]);
    if (cache.size > 50_000) cache.clear();
    for (const row of rows) {
      out.set(row.name, row.value);
      cache.set(row.name, { value: row.value, expires: now + TTL_MS });
    }
  }
  return out;
}

/** Merchant slug → id, for the slugs that exist. */
export function resolveMerchantIds({ slugs }: { slugs: Iterable<string> }): Promise<Map<string, string>> {
  return resolve(merchants, slugs, `SELECT "slug" AS name, "id" AS value FROM "Merchant" WHERE "slug" = ANY($1::text[])`);
}

/** Agent slug → id, for the slugs in the agent catalogue. */
export function resolveAgentIds({ slugs }: { slugs: Iterable<string> }): Promise<Map<string, string>> {
  return resolve(agents, slugs, `SELECT "slug" AS name, "id" AS value FROM "Agent" WHERE "slug" = ANY($1::text[])`);
}

/** Integration id → the id of the merchant that owns it, for the integrations that exist. */
export function resolveIntegrationMerchants({ ids }: { ids: Iterable<string> }): Promise<Map<string, string>> {
  return resolve(integrations, ids, `SELECT "id" AS name, "merchantId" AS value FROM "Integration" WHERE "id" = ANY($1::text[])`);
}

/** For tests. */
export function clearIngestLookupCache(): void {
  merchants.clear();
  agents.clear();
  integrations.clear();
}
