// What the reliability runs (crash.ts, load.ts) share: an embedded PostgreSQL of their own, a fresh
// migrated database per run, and the production server started the way scripts/start.ts starts it
// (scripts/runtime/server.ts with NODE_ENV=production on an existing build), as ONE process whose
// pid can be SIGKILLed. Ports and directories come from the environment so parallel runs keep apart:
//   RELIABILITY_PG_PORT (55446), RELIABILITY_DATA_DIR (/work/devdb-security … or .data/reliability),
//   RELIABILITY_PORT (3416), NEXT_DIST_DIR (.next-security, built with `next build` when missing),
//   RELIABILITY_NODE_FLAGS (extra node flags for the server, e.g. --cpu-prof).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { run } from "../runtime/run";

export const port = Number(process.env.RELIABILITY_PORT ?? 3416);
export const baseUrl = `http://127.0.0.1:${port}`;
const pgPort = Number(process.env.RELIABILITY_PG_PORT ?? 55446);
const dataDir = process.env.RELIABILITY_DATA_DIR ?? ".data/reliability";
const distDir = process.env.NEXT_DIST_DIR ?? ".next-security";

/** The embedded PostgreSQL's postmaster (its backends and helpers are its children). */
export function databasePid(): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export async function startDatabase(): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dataDir, port: pgPort, database: "skillgate", quiet: true });
}

/** A new, migrated database `name` on the embedded server (dropped first if it exists). */
export async function freshDatabase(embedded: EmbeddedDatabase, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: embedded.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(embedded.url);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return url.toString();
}

/** Extra Node.js flags for the server (e.g. RELIABILITY_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/p" to profile it). */
const nodeFlags = (process.env.RELIABILITY_NODE_FLAGS ?? "").split(" ").filter(Boolean);

export type Server = { child: ChildProcess; pid: number; stop: (signal?: NodeJS.Signals) => Promise<void> };

/** The production server on the build in NEXT_DIST_DIR (built first if missing), ready when /api/v1/health answers. */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "reliability-run-secret-0123456789abcdef",
    SKILLGATE_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString("base64"),
    SKILLGATE_DEMO_MODE: "1",
    ...extraEnv,
  };
  if (!existsSync(path.join(distDir, "BUILD_ID"))) await run("npx", ["next", "build"], { env });
  // The production server as `npm start` runs it (scripts/runtime/server.ts, not npx, not a shell):
  // its pid is the process to kill (with SKILLGATE_WEB_PROCESSES > 1, the cluster's primary).
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", "scripts/runtime/server.ts"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", () => {});
  child.stderr!.on("data", (chunk: Buffer) => process.env.RELIABILITY_VERBOSE && process.stderr.write(chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not answer within 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    pid: child.pid!,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The machine's load averages (it is shared), for the record next to any figure. */
export async function loadAverages(): Promise<string> {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}
