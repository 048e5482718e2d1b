import "server-only";
import { failRun, sweepStaleRuns } from "@/lib/data/check-runs";
import { getBoss, VALIDATE_VERSION_QUEUE, type ValidateVersionJob } from "./boss";
import { validateVersion } from "./validate-version";
import { startDriftJobs } from "./drift-jobs";
import { startWebhookDispatcher } from "./webhook-dispatcher";

// Background workers. For now they run inside the web server process (started from
// instrumentation.ts); they only need DATABASE_URL, so a separate worker process can call
// startWorkers() instead without other changes.

const KEY = Symbol.for("skillgate.jobWorkers");
type Holder = { [KEY]?: Promise<() => Promise<void>> };

/** Two validations at a time per process: each mostly waits on a merchant's server. */
const VALIDATION_WORKERS = 2;
const SWEEP_EVERY_MS = 60_000;
/** Longer than every attempt of a job together (3 × 180 s expiry + retry delays). */
const STALE_RUNNING_MS = 15 * 60_000;
const STALE_QUEUED_MS = 30 * 60_000;

async function start(): Promise<() => Promise<void>> {
  const boss = await getBoss();
  const workerIds: string[] = [];
  for (let i = 0; i < VALIDATION_WORKERS; i++) {
    workerIds.push(
      await boss.work<ValidateVersionJob>(VALIDATE_VERSION_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        try {
          await validateVersion(job.data.runId);
        } catch (error) {
          // The last attempt: leave a reason instead of a run that never finishes.
          if (job.retryCount >= job.retryLimit) {
            const message = error instanceof Error ? error.message : String(error);
            await failRun({ runId: job.data.runId, reason: `Validation could not finish: ${message}` }).catch(() => {});
          }
          throw error;
        }
      }),
    );
  }
  const sweep = () =>
    sweepStaleRuns({ runningMs: STALE_RUNNING_MS, queuedMs: STALE_QUEUED_MS }).catch((error) => console.error("[jobs] stale-run sweep failed:", error));
  void sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  const stopWebhooks = startWebhookDispatcher();
  workerIds.push(...(await startDriftJobs(boss)));
  return async () => {
    clearInterval(timer);
    stopWebhooks();
    for (const id of workerIds) await boss.offWork({ id }).catch(() => {});
  };
}

/** Registers this process's workers once; returns a function that unregisters them. */
export function startWorkers(): Promise<() => Promise<void>> {
  const holder = globalThis as Holder;
  holder[KEY] ??= start().catch((error) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

export async function stopWorkers(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  delete holder[KEY];
  const stop = await pending?.catch(() => null);
  await stop?.();
}
