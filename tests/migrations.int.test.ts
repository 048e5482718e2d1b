import { describe, expect, it } from "vitest";
import pg from "pg";
import { diffSinceLastMigration, isEmptyDiff, listMigrationDirectories } from "../scripts/db/migrations";

describe("migrations", () => {
  it("committed migrations produce exactly schema.prisma (no diff left to generate)", async () => {
    expect(listMigrationDirectories().length).toBeGreaterThan(0);
    const sql = await diffSinceLastMigration(process.env.DATABASE_URL!);
    expect(isEmptyDiff(sql), sql).toBe(true);
  });

  it("the test database was migrated through the standard _prisma_migrations table", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(listMigrationDirectories());
      const tables = await client.query(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'merchantId'`,
      );
      expect(tables.rows[0].n).toBeGreaterThan(15);
    } finally {
      await client.end();
    }
  });
});
