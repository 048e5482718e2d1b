import { inject } from "vitest";
import { assertLocalDatabaseUrl } from "./local-database-guard";

// Modules such as lib/db.ts read DATABASE_URL: point it at this run's database.
const url = inject("databaseUrl");
assertLocalDatabaseUrl(url);
process.env.DATABASE_URL = url;
