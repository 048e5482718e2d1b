// A process and its descendants from /proc (Linux): resident memory and CPU time, for the
// benchmark's "peak RSS of the server" and CPU-per-request figures.
import { readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4096;
const TICK_MS = 10; // USER_HZ = 100

type Stat = { pid: number; ppid: number; rssBytes: number; cpuMs: number };

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
export function parseStat(pid: number, text: string): Stat {
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24 (in pages).
  return { pid, ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS, rssBytes: Number(fields[21]) * PAGE_BYTES };
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      out.push(parseStat(Number(entry), readFileSync(`/proc/${entry}/stat`, "utf8")));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/** `root` and every process below it. */
export function descendants(stats: readonly Stat[], root: number): Stat[] {
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: Stat[] = [];
  const queue = stats.filter((s) => s.pid === root);
  for (let s = queue.shift(); s; s = queue.shift()) {
    out.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

export function processTree(root: number): Stat[] {
  return descendants(allStats(), root);
}

/** The process of the tree with the most resident memory: the server itself, not npx or a shell. */
export function mainProcess(root: number): number {
  const tree = processTree(root);
  return tree.reduce((best, s) => (s.rssBytes > best.rssBytes ? s : best), tree[0] ?? { pid: root, rssBytes: 0 }).pid;
}

/** Samples the tree's total RSS every `intervalMs` until stopped; the peak in bytes. */
export function sampleRss(root: number, intervalMs = 250): { stop: () => { peakBytes: number; samples: number } } {
  let peak = 0;
  let samples = 0;
  const take = () => {
    const total = processTree(root).reduce((s, p) => s + p.rssBytes, 0);
    if (total > peak) peak = total;
    samples++;
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peakBytes: peak, samples };
    },
  };
}
