// Where the database is: DATABASE_URL when set (any PostgreSQL), otherwise the embedded
// PostgreSQL under .data/ that scripts/db/embedded.ts starts.
export const embeddedDefaults = {
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  user: "skillgate",
  password: "skillgate",
  database: "skillgate",
};

export function embeddedUrl(database = embeddedDefaults.database, port = embeddedDefaults.port): string {
  const { user, password } = embeddedDefaults;
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}
