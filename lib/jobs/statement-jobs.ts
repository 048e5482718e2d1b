import "server-only";
import { closeStatement, endedOpenPeriods, StatementError } from "@/lib/data/statements";
import { getBoss } from "./boss";

// Closing months automatically: a pg-boss cron job at 02:00 China time on the 1st (unless
// SKILLGATE_STATEMENT_CRON says otherwise) closes every month that has ended and is still open,
// for every merchant, one transaction per statement (lib/data/statements.ts closeStatement:
// frozen figures, audit event, statement.ready webhook). A failed statement is logged and the
// others still close; the job's retry picks it up again. Anything that arrives after a month was
// closed is booked in the month it arrived, so closing early loses nothing.

export const CLOSE_STATEMENTS_QUEUE = "close-statements";
export const DEFAULT_STATEMENT_CRON = "0 2 1 * *";
export const STATEMENT_JOB_ACTOR = { id: null, label: "system:close-statements" } as const;

/** Closes every ended, open month; returns how many were closed. */
export async function closeEndedStatements({ now = new Date() }: { now?: Date } = {}): Promise<{ closed: number; failed: number }> {
  let closed = 0;
  let failed = 0;
  for (const { merchantId, period } of await endedOpenPeriods({ now })) {
    try {
      await closeStatement({ merchantId, period, actor: STATEMENT_JOB_ACTOR, now });
      closed += 1;
    } catch (error) {
      if (error instanceof StatementError && error.code === "alreadyClosed") continue; // closed by someone meanwhile
      failed += 1;
      console.error(`[statements] closing ${merchantId} ${period} failed:`, error);
    }
  }
  if (failed) throw new Error(`${failed} statement(s) could not be closed; ${closed} closed.`);
  return { closed, failed };
}

const KEY = Symbol.for("skillgate.statementJobs");
type Holder = { [KEY]?: Promise<void> };

async function start(): Promise<void> {
  const boss = await getBoss();
  await boss.createQueue(CLOSE_STATEMENTS_QUEUE, { name: CLOSE_STATEMENTS_QUEUE, retryLimit: 3, retryDelay: 300, expireInSeconds: 1_800 });
  await boss.schedule(CLOSE_STATEMENTS_QUEUE, process.env.SKILLGATE_STATEMENT_CRON || DEFAULT_STATEMENT_CRON, {}, { tz: "Asia/Shanghai" });
  await boss.work(CLOSE_STATEMENTS_QUEUE, async () => {
    const { closed } = await closeEndedStatements();
    if (closed) console.info(`[statements] closed ${closed} statement(s)`);
  });
}

/** Registers the schedule and the worker once per process (called from instrumentation.ts). */
export function startStatementJobs(): Promise<void> {
  const holder = globalThis as Holder;
  holder[KEY] ??= start().catch((error) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
