import "server-only";
import { classifyWithinBatch, compareKeys, repeatResult, sessionKey } from "@/lib/ingest/batch-identities";
import { screenReadRollupRows } from "@/lib/ingest/rollup-deltas";
import { CONFLICT_MESSAGE, type EventResult } from "@/lib/ingest/types";
import { bodyHashOf, type FieldError, type ScreenReadSessionEvent } from "@/lib/validation/events";
import { resolveAgentIds, resolveMerchantIds } from "./ingest-lookups";
import { inIngestTransaction } from "./ingest-pool";
import { upsertScreenReadRollups } from "./ingest-rollups";

// One batch of screen-read sessions in one transaction: insert with ON CONFLICT DO NOTHING on
// (merchant, externalId), classify the rest as duplicates or conflicts by body hash, and add only
// the inserted sessions to the daily rollup. A linked order is stored by its external id as sent:
// sessions often arrive before their order, so it is not checked.

export type IndexedSession = { index: number; event: ScreenReadSessionEvent };

type Prepared = { index: number; key: string; hash: string; merchantId: string; agentId: string; event: ScreenReadSessionEvent };

export async function ingestScreenReadSessions({ events }: { events: readonly IndexedSession[] }): Promise<EventResult[]> {
  const results: EventResult[] = [];
  const [merchants, agents] = await Promise.all([
    resolveMerchantIds({ slugs: events.map((e) => e.event.merchant) }),
    resolveAgentIds({ slugs: events.map((e) => e.event.agent) }),
  ]);
  const prepared: Prepared[] = [];
  for (const { index, event } of events) {
    const errors: FieldError[] = [];
    const merchantId = merchants.get(event.merchant);
    const agentId = agents.get(event.agent);
    if (!merchantId) errors.push({ path: "merchant", message: `Unknown merchant "${event.merchant}".` });
    if (!agentId) errors.push({ path: "agent", message: `Unknown agent "${event.agent}": not in the agent catalogue.` });
    if (!merchantId || !agentId) {
      results.push({ index, status: "rejected", errors });
      continue;
    }
    prepared.push({ index, key: sessionKey(merchantId, event.externalId), hash: bodyHashOf(event).hash, merchantId, agentId, event });
  }
  const { firsts, repeats } = classifyWithinBatch(prepared);
  const sessions = [...firsts].sort((a, b) => compareKeys(a.key, b.key));

  if (sessions.length) {
    const stored = await inIngestTransaction(async (client) => {
      const out: EventResult[] = [];
      const { rows } = await client.query<{ ord: string; inserted: boolean }>(
        `WITH input AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::"ScreenReadOutcome"[], $7::text[],
                                $8::timestamp(3)[], $9::int[], $10::text[])
             WITH ORDINALITY AS t("merchantId", "externalId", "agentId", "pagePath", "steps", "outcome", "orderExternalId", "startedAt", "durationMs", "bodyHash", ord)
         ), ins AS (
           INSERT INTO "ScreenReadSession" ("merchantId", "externalId", "agentId", "pagePath", "steps", "outcome", "orderExternalId", "startedAt", "durationMs", "bodyHash")
           SELECT "merchantId", "externalId", "agentId", "pagePath", "steps", "outcome", "orderExternalId", "startedAt", "durationMs", "bodyHash"
             FROM input ORDER BY ord
           ON CONFLICT ("merchantId", "externalId") DO NOTHING
           RETURNING "merchantId", "externalId"
         )
         SELECT i.ord::text AS ord, ins."externalId" IS NOT NULL AS inserted
           FROM input i LEFT JOIN ins ON ins."merchantId" = i."merchantId" AND ins."externalId" = i."externalId"`,
        [
          sessions.map((s) => s.merchantId),
          sessions.map((s) => s.event.externalId),
          sessions.map((s) => s.agentId),
          sessions.map((s) => s.event.pagePath),
          sessions.map((s) => s.event.steps),
          sessions.map((s) => s.event.outcome),
          sessions.map((s) => s.event.orderExternalId ?? null),
          sessions.map((s) => s.event.startedAt.toISOString()),
          sessions.map((s) => s.event.durationMs),
          sessions.map((s) => s.hash),
        ],
      );
      const inserted: Prepared[] = [];
      const existing: Prepared[] = [];
      for (const row of rows) (row.inserted ? inserted : existing).push(sessions[Number(row.ord) - 1]!);
      for (const s of inserted) out.push({ index: s.index, status: "accepted" });
      if (existing.length) {
        // A separate statement: it sees rows that concurrent batches committed while we waited.
        const found = await client.query<{ merchantId: string; externalId: string; bodyHash: string }>(
          `SELECT s."merchantId", s."externalId", s."bodyHash" FROM "ScreenReadSession" s
             JOIN unnest($1::text[], $2::text[]) AS k(m, x) ON s."merchantId" = k.m AND s."externalId" = k.x`,
          [existing.map((s) => s.merchantId), existing.map((s) => s.event.externalId)],
        );
        const hashes = new Map(found.rows.map((r) => [sessionKey(r.merchantId, r.externalId), r.bodyHash]));
        for (const s of existing) {
          out.push(hashes.get(s.key) === s.hash ? { index: s.index, status: "duplicate" } : { index: s.index, status: "conflict", errors: [{ path: "", message: CONFLICT_MESSAGE.replace("(merchant, externalId, type, sequence)", "(merchant, externalId)") }] });
        }
      }
      await upsertScreenReadRollups(
        client,
        screenReadRollupRows(
          inserted.map((s) => ({
            merchantId: s.merchantId,
            startedAt: s.event.startedAt,
            pagePath: s.event.pagePath,
            outcome: s.event.outcome,
            agentId: s.agentId,
            steps: s.event.steps,
            durationMs: s.event.durationMs,
            linked: s.event.orderExternalId !== undefined,
          })),
        ),
      );
      return out;
    });
    results.push(...stored);
  }
  const byIndex = new Map(results.map((r) => [r.index, r]));
  for (const repeat of repeats) results.push(repeatResult(repeat, byIndex.get(repeat.firstIndex)!));
  return results;
}
