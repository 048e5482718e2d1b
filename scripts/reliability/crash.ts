// Crash safety (`npm run test:reliability`): SIGKILL the production server in the middle of work,
// restart it, and show that nothing is half-written.
//
//  1. Ingestion: batches of 1,000 order events go in from 3 clients; after a few have been
//     answered, the server is killed. With the server dead, the database must hold each batch
//     entirely or not at all (a batch is one transaction), every event its order, and every rollup
//     row must equal its SQL definition (lib/rollups/definitions.ts). After a restart the whole
//     batch list is sent again: the totals must then be exact (every event once, the order
//     count and the amount sum equal to the batch's).
//  2. Statement close: with the close-statements job scheduled every minute, the server is
//     killed as soon as the first statement of the run is closed (the job is then mid-way through
//     the months). Every closed statement must have its lines summing to its figures and exactly one
//     audit event; after a restart the job closes the rest, with the same checks.
//
// Exits non-zero when a check fails; prints a JSON summary (also written to test-results/).
import { mkdirSync, writeFileSync } from "node:fs";
import { seedDemoData } from "../demo/seed";
import { freshDatabase, loadAverages, query, startDatabase, startServer, type Server } from "./harness";
import { eventBatches, rollupMismatches, send, storedOf } from "./ingest-check";

const EVENTS = Number(process.env.CRASH_EVENTS ?? 30_000);
const KILL_AFTER_BATCHES = Number(process.env.CRASH_KILL_AFTER ?? 8);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "✔" : "✘"} ${what}`);
  if (!ok) failures.push(what);
};

async function ingestionCrash(url: string) {
  const { identities, batches, batchIdentities } = eventBatches({ events: EVENTS, batchSize: 1_000, runId: `CR${Date.now().toString(36)}` });

  let server: Server = await startServer(url);
  let killedAt = 0;
  const first = await send(batches, 3, (done) => {
    if (done === KILL_AFTER_BATCHES && !killedAt) {
      killedAt = Date.now();
      server.child.kill("SIGKILL");
    }
  });
  await server.stop();
  check(killedAt > 0, `server SIGKILLed after ${KILL_AFTER_BATCHES} answered batches (${first.failed} requests cut off)`);

  // With the server dead: each batch all or nothing.
  // A batch is one transaction. Its CREATED events (fresh ids) are stored whatever else is stored,
  // so: all of them or none; and nothing else of the batch (refunds, cancellations) when none.
  // (A refund may be rejected in a committed batch when its order's CREATED sat in a batch that was
  // still in flight; the re-send below books it.)
  const perBatch: Array<{ created: number; storedCreated: number; storedOthers: number }> = [];
  for (const batch of batchIdentities) {
    const created = batch.filter((e) => e.type === "CREATED");
    perBatch.push({ created: created.length, storedCreated: await storedOf(url, created), storedOthers: await storedOf(url, batch.filter((e) => e.type !== "CREATED")) });
  }
  const partial = perBatch.filter((b) => (b.storedCreated > 0 && b.storedCreated < b.created) || (b.storedCreated === 0 && b.storedOthers > 0));
  const complete = perBatch.filter((b) => b.storedCreated === b.created).length;
  check(partial.length === 0, `no batch half-written: ${complete} complete, ${perBatch.filter((b) => b.storedCreated + b.storedOthers === 0).length} absent, ${partial.length} partial ${JSON.stringify(partial)}`);
  const orphans = (await query<{ n: number }>(url, `SELECT count(*)::int n FROM "OrderEvent" e WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."merchantId" = e."merchantId" AND o."externalId" = e."externalOrderId")`))[0]!.n;
  check(orphans === 0, `every stored event has its order (${orphans} orphans)`);
  const afterCrash = await rollupMismatches(url);
  check(Object.values(afterCrash).every((n) => n === 0), `rollups equal their SQL definitions after the crash ${JSON.stringify(afterCrash)}`);

  // Restart and send everything again: exact totals.
  server = await startServer(url);
  const again = await send(batches, 3);
  await server.stop();
  check(again.serverErrors === 0 && again.failed === 0, `re-sent ${batches.length} batches without errors`);
  const created = identities.filter((e) => e.type === "CREATED");
  const [totals] = await query<{ events: number; orders: number; amount: string }>(
    url,
    `SELECT (SELECT count(*) FROM "OrderEvent")::int events, (SELECT count(*) FROM "Order")::int orders, (SELECT coalesce(sum("amountFen"), 0)::text FROM "Order") amount`,
  );
  const expectedAmount = created.reduce((sum, e) => sum + BigInt(e.amountFen ?? 0), 0n);
  check(totals!.events === identities.length, `events stored exactly once: ${totals!.events} of ${identities.length}`);
  check(totals!.orders === created.length, `orders exact: ${totals!.orders} of ${created.length}`);
  check(BigInt(totals!.amount) === expectedAmount, `order amounts exact: ${totals!.amount} fen (expected ${expectedAmount})`);
  check(again.accepted + again.duplicates === identities.length && again.conflicts === 0, `second pass: ${again.accepted} accepted + ${again.duplicates} duplicates = ${identities.length}, 0 conflicts`);
  const afterResend = await rollupMismatches(url);
  check(Object.values(afterResend).every((n) => n === 0), `rollups equal their SQL definitions after re-sending ${JSON.stringify(afterResend)}`);
  return { events: identities.length, batches: batches.length, killedAfterAnswered: KILL_AFTER_BATCHES, cutOff: first.failed, completeBatchesAtCrash: complete, partialBatches: partial.length, resend: again };
}

const statementChecks = (url: string) =>
  query<{ closed: number; badLines: number; audits: number }>(
    url,
    `SELECT (SELECT count(*) FROM "SettlementStatement" WHERE status = 'CLOSED')::int closed,
            (SELECT count(*) FROM "SettlementStatement" s WHERE s.status = 'CLOSED' AND (
               s."grossFen" <> coalesce((SELECT sum(l."grossFen") FROM "SettlementLine" l WHERE l."statementId" = s.id), 0)
            OR s."netPayoutFen" <> coalesce((SELECT sum(l."netPayoutFen") FROM "SettlementLine" l WHERE l."statementId" = s.id), 0)
            OR s."orders" <> coalesce((SELECT sum(l."orders") FROM "SettlementLine" l WHERE l."statementId" = s.id), 0)))::int "badLines",
            (SELECT count(*) FROM "AuditEvent" WHERE action = 'statement.close')::int audits`,
  ).then((rows) => rows[0]!);

async function statementCrash(url: string) {
  const cron = { SKILLGATE_STATEMENT_CRON: "* * * * *" };
  let server = await startServer(url, cron);
  const started = Date.now();
  let killedWith = -1;
  while (Date.now() - started < 150_000) {
    const { closed } = await statementChecks(url);
    if (closed > 0) {
      server.child.kill("SIGKILL");
      killedWith = closed;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await server.stop("SIGKILL");
  if (killedWith < 0) {
    check(false, "the close-statements job did not start within 150 s");
    return { triggered: false };
  }
  const atCrash = await statementChecks(url);
  check(atCrash.badLines === 0, `after the kill: ${atCrash.closed} closed statements, each with lines summing to its figures`);
  check(atCrash.audits === atCrash.closed, `after the kill: one audit event per closed statement (${atCrash.audits}/${atCrash.closed})`);

  server = await startServer(url, cron);
  let final = atCrash;
  const restart = Date.now();
  // The next minute's run closes the rest; wait until the count holds for two runs.
  let stableSince = Date.now();
  while (Date.now() - restart < 200_000) {
    await new Promise((r) => setTimeout(r, 2_000));
    const now = await statementChecks(url);
    if (now.closed !== final.closed) stableSince = Date.now();
    final = now;
    if (final.closed > atCrash.closed && Date.now() - stableSince > 65_000) break;
  }
  await server.stop();
  const [open] = await query<{ n: number }>(url, `SELECT count(*)::int n FROM "SettlementStatement" WHERE status <> 'CLOSED'`);
  check(final.closed > atCrash.closed, `after the restart the job closed the rest: ${atCrash.closed} → ${final.closed}`);
  check(final.badLines === 0 && final.audits === final.closed, `every closed statement consistent, each closed once (${final.audits} audit events)`);
  return { triggered: true, closedAtKill: atCrash.closed, closedAfterRestart: final.closed, openRows: open!.n };
}

async function main() {
  const embedded = await startDatabase();
  const summary: Record<string, unknown> = { loadAverageBefore: await loadAverages() };
  try {
    const ingestDb = await freshDatabase(embedded, "crash_ingest");
    await seedDemoData({ connectionString: ingestDb, orders: 0 });
    console.log(`── Ingestion: SIGKILL during ${EVENTS} events in batches of 1,000`);
    summary.ingestion = await ingestionCrash(ingestDb);

    const statementDb = await freshDatabase(embedded, "crash_statements");
    await seedDemoData({ connectionString: statementDb, orders: Number(process.env.CRASH_STATEMENT_ORDERS ?? 20_000) });
    console.log("── Statement close: SIGKILL while the close-statements job runs");
    summary.statements = await statementCrash(statementDb);
  } finally {
    await embedded.stop();
  }
  summary.loadAverageAfter = await loadAverages();
  summary.failures = failures;
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/reliability-crash.json", JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
