// Ingestion helpers of the reliability runs: deterministic event batches (the demo generator's,
// as the ingest benchmark sends them), a sender that survives a dying server, and the checks —
// which of a batch's events are stored, and every rollup row against its SQL definition.
import { demoApiKeys } from "../../lib/demo/catalogue";
import { rollupDefinitions, rollupMismatchCountSql } from "../../lib/rollups/definitions";
import { benchEvents } from "../bench/ingest";
import { baseUrl, query } from "./harness";

const ingestKey = demoApiKeys.find((k) => k.kind === "PLATFORM_INGEST")!.secret;

export type Identity = { externalOrderId: string; type: string; sequence: number; merchant: string; amountFen?: number };

export function identityOf(body: Record<string, unknown>): Identity {
  return {
    merchant: String(body.merchant),
    externalOrderId: String(body.externalId),
    type: String(body.type),
    sequence: Number(body.sequence ?? 0),
    ...(body.type === "CREATED" ? { amountFen: Number(body.amountFen) } : {}),
  };
}

export async function rollupMismatches(url: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const definition of rollupDefinitions) out[definition.table] = (await query<{ n: number }>(url, rollupMismatchCountSql(definition), [null, null, null]))[0]!.n;
  return out;
}

/** How many of the batch's event identities are stored. */
export async function storedOf(url: string, batch: Identity[]): Promise<number> {
  const rows = await query<{ n: number }>(
    url,
    `SELECT count(*)::int n FROM "OrderEvent" e JOIN "Merchant" m ON m.id = e."merchantId"
       JOIN unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS b(slug, x, t, s)
         ON m.slug = b.slug AND e."externalOrderId" = b.x AND e."type"::text = b.t AND e."sequence" = b.s`,
    [batch.map((e) => e.merchant), batch.map((e) => e.externalOrderId), batch.map((e) => e.type), batch.map((e) => e.sequence)],
  );
  return rows[0]!.n;
}

export async function send(batches: string[], concurrency: number, onAnswered?: (done: number) => void) {
  const outcome = { answered: 0, failed: 0, accepted: 0, duplicates: 0, conflicts: 0, rejected: 0, serverErrors: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < batches.length; i = next++) {
        try {
          const response = await fetch(`${baseUrl}/api/v1/events/orders`, { method: "POST", headers: { authorization: `Bearer ${ingestKey}`, "content-type": "application/json" }, body: batches[i] });
          const report = (await response.json()) as Record<string, number>;
          if (response.status >= 500) outcome.serverErrors++;
          for (const key of ["accepted", "duplicates", "conflicts", "rejected"] as const) outcome[key] += report[key] ?? 0;
          outcome.answered++;
          onAnswered?.(outcome.answered);
        } catch {
          outcome.failed++; // the server died under this request
        }
      }
    }),
  );
  return outcome;
}


/** `events` order events (fresh external ids under `runId`) cut into JSON batches, with each event's identity. */
export function eventBatches({ events, batchSize, runId }: { events: number; batchSize: number; runId: string }) {
  const { bodies } = benchEvents({ events, runId });
  const identities = bodies.map(identityOf);
  const batches: string[] = [];
  const batchIdentities: Identity[][] = [];
  for (let i = 0; i < bodies.length; i += batchSize) {
    batches.push(JSON.stringify({ events: bodies.slice(i, i + batchSize) }));
    batchIdentities.push(identities.slice(i, i + batchSize));
  }
  return { identities, batches, batchIdentities };
}

