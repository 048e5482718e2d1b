// A database of a test file's own, cloned from the run's migrated template (fast: a file copy),
// for tests that need an empty database (e.g. seeding) or must not see other files' rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { assertLocalDatabaseUrl } from "./local-database-guard";

const templateDatabase = "skillgate_template";

export type TestDatabase = { url: string; drop: () => Promise<void> };

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = inject("adminDatabaseUrl");
  assertLocalDatabaseUrl(adminUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `skillgate_t_${randomBytes(6).toString("hex")}`;
  // CREATE DATABASE ... TEMPLATE needs no other session on the template: retry briefly.
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
        return;
      } catch (error) {
        if (attempt >= 50 || !String(error).includes("being accessed by other users")) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
