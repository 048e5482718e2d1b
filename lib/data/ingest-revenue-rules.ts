import "server-only";
import type { RuleVersion } from "@/lib/revenue/fee";
import type { Channel } from "@/lib/generated/prisma/enums";
import { ingestPool } from "./ingest-pool";

// Revenue-share rule versions per merchant, cached briefly for the fee computed at ingest. Rules
// are append-only (a version is never edited after it takes effect), so a cached list is only
// ever missing the newest versions: whoever writes a rule calls invalidateRevenueRules on its
// instance, and other instances see the change within CACHE_MS.
const CACHE_MS = 10_000;
// On globalThis: Next.js bundles route handlers and server actions separately, so a module-level
// Map would be one cache per bundle and the rule page's invalidation would miss the ingest route's.
const KEY = Symbol.for("skillgate.revenueRuleCache");
type Holder = { [KEY]?: Map<string, { rules: RuleVersion[]; expires: number }> };
const cache = ((globalThis as Holder)[KEY] ??= new Map());

type RuleRow = {
  merchantId: string;
  id: string;
  channel: Channel;
  agentId: string | null;
  rateBps: number;
  fixedFeeFen: string;
  effectiveFrom: string;
  cancelledAt: string | null;
  createdAt: string;
};

const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The rule versions of each merchant (every version: pickRuleVersion chooses by time). */
export async function revenueRulesFor({ merchantIds }: { merchantIds: Iterable<string> }): Promise<Map<string, RuleVersion[]>> {
  const now = Date.now();
  const out = new Map<string, RuleVersion[]>();
  const missing: string[] = [];
  for (const id of new Set(merchantIds)) {
    const hit = cache.get(id);
    if (hit && hit.expires > now) out.set(id, hit.rules);
    else missing.push(id);
  }
  if (missing.length) {
    const { rows } = await ingestPool().query<RuleRow>(
      `SELECT "merchantId", "id", "channel", "agentId", "rateBps", "fixedFeeFen"::text AS "fixedFeeFen",
              ${iso(`"effectiveFrom"`)} AS "effectiveFrom", ${iso(`"cancelledAt"`)} AS "cancelledAt", ${iso(`"createdAt"`)} AS "createdAt"
         FROM "RevenueShareRule" WHERE "merchantId" = ANY($1::text[])`,
      [missing],
    );
    for (const id of missing) out.set(id, []);
    for (const row of rows) {
      out.get(row.merchantId)!.push({
        id: row.id,
        channel: row.channel,
        agentId: row.agentId,
        rateBps: row.rateBps,
        fixedFeeFen: BigInt(row.fixedFeeFen),
        effectiveFrom: new Date(row.effectiveFrom),
        cancelledAt: row.cancelledAt ? new Date(row.cancelledAt) : null,
        createdAt: new Date(row.createdAt),
      });
    }
    for (const id of missing) cache.set(id, { rules: out.get(id)!, expires: now + CACHE_MS });
  }
  return out;
}

/** Call after creating or cancelling a rule version of this merchant. */
export function invalidateRevenueRules(merchantId: string): void {
  cache.delete(merchantId);
}

/** For tests. */
export function clearRevenueRuleCache(): void {
  cache.clear();
}
