import "server-only";
import PgBoss from "pg-boss";

// One pg-boss instance per server process, in the `pgboss` schema of the app's own database
// (pg-boss creates and migrates it on start). Kept on globalThis because Next.js may load this
// module more than once (instrumentation, route handlers, server actions are separate bundles).

export const JOB_SCHEMA = "pgboss";
export const VALIDATE_VERSION_QUEUE = "validate-version";

/**
 * A crashed or hung attempt expires after 3 minutes and is retried twice; a run still RUNNING
 * after every attempt is failed by the stale-run sweep (lib/jobs/workers.ts).
 */
export const VALIDATE_VERSION_QUEUE_OPTIONS = { retryLimit: 2, retryDelay: 5, expireInSeconds: 180 } as const;

const KEY = Symbol.for("skillgate.pgBoss");
type Holder = { [KEY]?: Promise<PgBoss> };

async function startBoss(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4, application_name: "skillgate-jobs" });
  boss.on("error", (error) => console.error("[jobs] pg-boss error:", error));
  await boss.start();
  await boss.createQueue(VALIDATE_VERSION_QUEUE, { name: VALIDATE_VERSION_QUEUE, ...VALIDATE_VERSION_QUEUE_OPTIONS });
  return boss;
}

/** The started instance for this process; started on first use. */
export function getBoss(): Promise<PgBoss> {
  const holder = globalThis as Holder;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) return Promise.reject(new Error("DATABASE_URL is not set: the job queue needs the database."));
  holder[KEY] ??= startBoss(connectionString).catch((error) => {
    delete holder[KEY]; // let the next call try again
    throw error;
  });
  return holder[KEY];
}

/** Stops the instance (tests, shutdown); waits for running jobs up to `timeoutMs`. */
export async function stopBoss({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  delete holder[KEY];
  if (!pending) return;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true });
}

export type ValidateVersionJob = { runId: string };

/** Queues the validation of a CheckRun created by lib/data/check-runs. */
export async function enqueueValidation(job: ValidateVersionJob): Promise<void> {
  const boss = await getBoss();
  await boss.send(VALIDATE_VERSION_QUEUE, job);
}
