// One PostgreSQL per test run: an embedded server in a temporary directory on a free port,
// with a migrated template database that tests clone when they need a database of their own.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { assertLocalDatabaseUrl } from "./local-database-guard";

export const templateDatabase = "skillgate_template";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  let url: string;

  if (process.env.TEST_DATABASE_URL) {
    // An already running local server (e.g. `pg_ctlcluster 15 main start`).
    assertLocalDatabaseUrl(process.env.TEST_DATABASE_URL);
    adminUrl = process.env.TEST_DATABASE_URL;
    const base = new URL(adminUrl);
    base.pathname = `/${templateDatabase}`;
    url = base.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "skillgate-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: templateDatabase, quiet: true });
    adminUrl = embedded.adminUrl;
    url = embedded.url;
  }
  assertLocalDatabaseUrl(url);

  const { Client } = await import("pg");
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  if (process.env.TEST_DATABASE_URL) {
    await admin.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  }
  await admin.end();
  await applyMigrations(url);

  // Tests share one clone by default; the template itself stays unconnected so that
  // tests/support/database.ts can clone it again.
  const shared = new URL(url);
  shared.pathname = "/skillgate_shared";
  const cloner = new Client({ connectionString: adminUrl });
  await cloner.connect();
  await cloner.query(`DROP DATABASE IF EXISTS "skillgate_shared" WITH (FORCE)`);
  await cloner.query(`CREATE DATABASE "skillgate_shared" TEMPLATE "${templateDatabase}"`);
  await cloner.end();

  project.provide("databaseUrl", shared.toString());
  project.provide("adminDatabaseUrl", adminUrl);

  return async () => {
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
