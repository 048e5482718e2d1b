// Apply and generate migrations with Prisma's schema engine (WebAssembly build).
// Applied migrations are recorded in the standard `_prisma_migrations` table, so the Prisma CLI's
// `migrate status` agrees with what this applies.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openSchemaEngine } from "./schema-engine";

export const migrationsDir = path.resolve("prisma/migrations");
export const schemaPath = path.resolve("prisma/schema.prisma");
export const snapshotName = "schema.prisma.snapshot";

export function listMigrationDirectories(): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(migrationsDir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

function readSchema() {
  return { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
}

export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine({ connectionString, schema: readSchema() });
  try {
    const lockPath = path.join(migrationsDir, "migration_lock.toml");
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
        shadowDbInitScript: "",
        migrationDirectories: listMigrationDirectories().map((name) => ({
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
          },
        })),
      },
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

/** SQL that takes the schema of the latest migration's snapshot to the current schema.prisma. */
export async function diffSinceLastMigration(connectionString: string): Promise<string> {
  const current = readSchema();
  const names = listMigrationDirectories();
  const last = names.at(-1);
  const snapshotPath = last ? path.join(migrationsDir, last, snapshotName) : undefined;
  const engine = await openSchemaEngine({ connectionString, schema: current });
  try {
    const from =
      snapshotPath && existsSync(snapshotPath)
        ? { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: readFileSync(snapshotPath, "utf8") }] }
        : { tag: "empty" };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [current] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout;
  } finally {
    await engine.close();
  }
}

export function isEmptyDiff(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}
