import fc from "fast-check";
import { inject } from "vitest";
import { assertLocalDatabaseUrl } from "./local-database-guard";

// Modules such as lib/db.ts read DATABASE_URL: point it at this run's database.
const url = inject("databaseUrl");
assertLocalDatabaseUrl(url);
process.env.DATABASE_URL = url;

// Property-based tests (fast-check): locally every run explores new cases; CI pins one seed so a
// red run can be reproduced, and FUZZ_SEED replays any seed fast-check printed with a failure.
const fuzzSeed = process.env.FUZZ_SEED ?? (process.env.CI ? "20261128" : undefined);
if (fuzzSeed !== undefined) fc.configureGlobal({ seed: Number(fuzzSeed) });
