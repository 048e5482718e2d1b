import "server-only";
import pg from "pg";

// Ingestion talks to PostgreSQL through its own small `pg` pool rather than Prisma: a batch is a
// handful of set-based statements (unnest arrays, upserts) in one transaction, and the plain
// driver sends each with a single round trip. Kept on globalThis like the Prisma client.
const globalForPool = globalThis as unknown as { ingestPool?: pg.Pool };

export function ingestPool(): pg.Pool {
  if (!globalForPool.ingestPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    const pool = new pg.Pool({ connectionString, max: Number(process.env.INGEST_POOL_SIZE ?? 8), idleTimeoutMillis: 30_000 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    globalForPool.ingestPool = pool;
  }
  return globalForPool.ingestPool;
}

/** Runs fn in one transaction on one pooled connection; rolls back on any error. */
export async function inIngestTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await ingestPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
