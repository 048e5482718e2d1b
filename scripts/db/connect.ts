import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

/** Everything the zero-setup run keeps: .data/ unless SKILLGATE_DATA_DIR says otherwise (e2e runs). */
export const dataRoot = process.env.SKILLGATE_DATA_DIR ?? ".data";
export const defaultDataDir = `${dataRoot}/pg`;

/** DATABASE_URL when set; otherwise the embedded server under .data/ (started here). */
export async function resolveDatabase(options: { quiet?: boolean } = {}): Promise<{
  url: string;
  embedded?: EmbeddedDatabase;
}> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const embedded = await startEmbeddedPostgres({ dataDir: defaultDataDir, quiet: options.quiet });
  return { url: embedded.url, embedded };
}
