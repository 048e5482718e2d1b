// Tests create and drop databases: never let them near anything but this machine.
const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabaseUrl(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error(`Refusing to run tests: ${JSON.stringify(url)} is not a database URL.`);
  }
  if (!localHosts.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}). Tests only use local PostgreSQL.`);
  }
}
