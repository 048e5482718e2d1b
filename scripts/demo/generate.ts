// npm run demo:generate -- [--seed 42] [--orders 6000] [--bench-orders N] [--now 2026-11-28] [--reset]
// Seeds the demo data set into DATABASE_URL (or the embedded database), applying migrations first.
import { parseArgs } from "node:util";
import pg from "pg";
import { resolveDatabase } from "../db/connect";
import { applyMigrations } from "../db/migrations";
import { printDemoSignIns } from "./print";
import { renderProgress } from "./progress";
import { seedDemoData } from "./seed";

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got "${text}"`);
  return value;
}

/** Empties every application table (not the migrations table). */
async function truncateAll(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      orders: { type: "string" },
      "bench-orders": { type: "string" },
      now: { type: "string" },
      reset: { type: "boolean", default: false },
    },
  });
  const seed = positiveInteger("seed", values.seed, 42);
  const orders = positiveInteger("orders", values.orders, 6_000);
  const benchOrders = positiveInteger("bench-orders", values["bench-orders"], 0);
  const now = values.now ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now is not a date: "${values.now}"`);

  const { url, embedded } = await resolveDatabase({ quiet: true });
  try {
    await applyMigrations(url);
    if (values.reset) await truncateAll(url);

    const progress = renderProgress();
    const summary = await seedDemoData({ connectionString: url, seed, orders, benchOrders, now, onProgress: progress.update });
    progress.stop();

    const fmt = (n: number) => n.toLocaleString("en-US");
    console.log(`\nSeeded demo data (seed ${summary.seed}) in ${(summary.durationMs / 1000).toFixed(1)} s:`);
    console.log(`  window        ${summary.window.start.toISOString()} → ${summary.window.end.toISOString()}`);
    for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(26)} ${fmt(count).padStart(12)}`);
    console.log(`  bulk load     ${fmt(summary.ordersPerSecond)} orders/s (with their events and sessions)`);
    console.log(`  phases        ${Object.entries(summary.phaseMs).map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
    console.log();
    printDemoSignIns();
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
