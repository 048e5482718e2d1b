// Several web processes on one port (node:cluster; the primary hands connections out round-robin).
// One Node.js process renders pages on one core, so a server with more cores than one needs more
// than one process to use them; everything the web tier keeps in memory (policy cache, ingest
// token buckets) is already per instance by design (README: scaling). SKILLGATE_WEB_PROCESSES
// (default 1: the server runs in this process, as before) sets how many.
import cluster from "node:cluster";

export function webProcessCount(raw = process.env.SKILLGATE_WEB_PROCESSES): number {
  const count = Number(raw ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`SKILLGATE_WEB_PROCESSES must be an integer from 1 to 64, got "${raw}".`);
  return count;
}

/**
 * The primary: starts `count` web processes and replaces one that dies after it was serving; stops
 * them all on SIGINT/SIGTERM and exits as `next start` does. A process that dies before it ever
 * listened (bad configuration) stops the whole server instead of restarting in a loop.
 */
export function superviseWebProcesses(count: number): void {
  let exitCode: number | null = null; // set once stopping
  const listening = new Set<number>();
  const live = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  const exitIfDone = () => {
    if (live().length === 0) process.exit(exitCode ?? 1);
  };
  const stop = (signal: NodeJS.Signals, code: number) => {
    if (exitCode !== null) return;
    exitCode = code;
    for (const worker of live()) worker!.process.kill(signal);
    exitIfDone();
  };
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (exitCode !== null) return exitIfDone();
    if (!listening.has(worker.id)) {
      console.error(`[cluster] web process ${worker.process.pid} exited (${signal ?? code}) before it listened; stopping.`);
      return stop("SIGTERM", 1);
    }
    console.error(`[cluster] web process ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  process.on("SIGINT", () => stop("SIGINT", 130));
  process.on("SIGTERM", () => stop("SIGTERM", 143));
  for (let i = 0; i < count; i++) cluster.fork();
}
