// The embedded PostgreSQL starts with the settings ingestion's write load was measured with
// (scripts/db/embedded.ts): larger shared buffers and fewer checkpoints; durability untouched.
import os from "node:os";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("embedded PostgreSQL settings", () => {
  it("runs with shared buffers sized from RAM, sparse checkpoints, and fsync and synchronous commit on", async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'fsync', 'synchronous_commit')`,
      );
      const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
      const expectedMb = Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 4 / 1024 / 1024)));
      expect(Number(settings.shared_buffers) * 8 / 1024).toBe(expectedMb); // 8 kB pages
      expect(settings).toMatchObject({ max_wal_size: "4096", checkpoint_timeout: "900", fsync: "on", synchronous_commit: "on" });
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
