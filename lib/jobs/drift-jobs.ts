import "server-only";
import type PgBoss from "pg-boss";
import { listDriftCandidates } from "@/lib/data/drift";
import { recheckIntegration } from "@/lib/drift/recheck";

// Scheduled drift detection: a pg-boss cron job (every 6 hours unless SKILLGATE_DRIFT_CRON says
// otherwise) fans out one drift-check job per live MCP integration, so one slow server delays
// nobody else and a crash retries only its own check.

export const DRIFT_SCAN_QUEUE = "drift-scan";
export const DRIFT_CHECK_QUEUE = "drift-check";
export const DEFAULT_DRIFT_CRON = "0 */6 * * *";

export type DriftCheckJob = { integrationId: string };

export async function startDriftJobs(boss: PgBoss): Promise<string[]> {
  await boss.createQueue(DRIFT_SCAN_QUEUE, { name: DRIFT_SCAN_QUEUE, retryLimit: 1, expireInSeconds: 300 });
  await boss.createQueue(DRIFT_CHECK_QUEUE, { name: DRIFT_CHECK_QUEUE, retryLimit: 2, retryDelay: 60, expireInSeconds: 120 });
  await boss.schedule(DRIFT_SCAN_QUEUE, process.env.SKILLGATE_DRIFT_CRON || DEFAULT_DRIFT_CRON, {}, { tz: "UTC" });
  const scan = await boss.work(DRIFT_SCAN_QUEUE, async () => {
    await enqueueDriftChecks(boss);
  });
  const check = await boss.work<DriftCheckJob>(DRIFT_CHECK_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
    if (!job) return;
    const result = await recheckIntegration({ integrationId: job.data.integrationId });
    if (result.status === "checked" && result.record.outcome === "flagged") {
      console.info(`[drift] ${job.data.integrationId}: drift${result.record.suspended ? ", suspended" : ""}`);
    }
  });
  return [scan, check];
}

/** Queues one check per live MCP integration (one pending check per integration at most). */
export async function enqueueDriftChecks(boss: PgBoss): Promise<number> {
  const candidates = await listDriftCandidates();
  for (const { id } of candidates) {
    await boss.send(DRIFT_CHECK_QUEUE, { integrationId: id } satisfies DriftCheckJob, { singletonKey: id });
  }
  return candidates.length;
}
