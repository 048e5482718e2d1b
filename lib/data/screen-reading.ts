import "server-only";
import { addDays } from "@/lib/attribution/shanghai-time";
import { db } from "@/lib/db";
import type { ScreenReadOutcome } from "@/lib/generated/prisma/enums";
import type { PathStats } from "@/lib/screen-reading/skill-candidates";

// Screen-reading analytics from ScreenReadRollupDaily (sessions per Shanghai day, page, outcome,
// agent) and the screen-read orders' value from OrderRollupDaily. One merchant per call.

type Range = { merchantId: string; from: string; to: string };
const dayDate = (d: string) => new Date(`${d}T00:00:00.000Z`);
const dayWhere = ({ merchantId, from, to }: Range) => ({ merchantId, day: { gte: dayDate(from), lte: dayDate(to) } });

export type OutcomeDay = { day: string; outcome: ScreenReadOutcome; sessions: bigint };

/** Sessions per day and outcome (sparse: days without sessions are absent). */
export async function getScreenReadTrend(range: Range): Promise<OutcomeDay[]> {
  const rows = await db.screenReadRollupDaily.groupBy({ by: ["day", "outcome"], where: dayWhere(range), _sum: { sessions: true } });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), outcome: r.outcome, sessions: r._sum.sessions ?? 0n }));
}

/** Sessions and failures per page path, with the most frequent failure kind. */
export async function getScreenReadByPath(range: Range): Promise<PathStats[]> {
  const rows = await db.screenReadRollupDaily.groupBy({ by: ["pagePath", "outcome"], where: dayWhere(range), _sum: { sessions: true } });
  const byPath = new Map<string, PathStats & { worst: bigint }>();
  for (const r of rows) {
    const n = r._sum.sessions ?? 0n;
    const p = byPath.get(r.pagePath) ?? { pagePath: r.pagePath, sessions: 0n, failures: 0n, topFailure: null, worst: 0n };
    p.sessions += n;
    if (r.outcome !== "COMPLETED") {
      p.failures += n;
      if (n > p.worst || (n === p.worst && p.topFailure !== null && r.outcome < p.topFailure)) {
        p.worst = n;
        p.topFailure = r.outcome;
      }
    }
    byPath.set(r.pagePath, p);
  }
  return [...byPath.values()].map(({ worst: _worst, ...p }) => p).sort((a, b) => (b.sessions > a.sessions ? 1 : b.sessions < a.sessions ? -1 : a.pagePath.localeCompare(b.pagePath)));
}

export async function getScreenReadTotals(range: Range): Promise<{ sessions: bigint; failures: bigint }> {
  const rows = await db.screenReadRollupDaily.groupBy({ by: ["outcome"], where: dayWhere(range), _sum: { sessions: true } });
  let sessions = 0n;
  let failures = 0n;
  for (const r of rows) {
    sessions += r._sum.sessions ?? 0n;
    if (r.outcome !== "COMPLETED") failures += r._sum.sessions ?? 0n;
  }
  return { sessions, failures };
}

/** GMV and orders of screen-read orders in the range (verification charges left out): the AOV basis. */
export async function getScreenReadOrderValue({ merchantId, from, to }: Range): Promise<{ gmvFen: bigint; orders: bigint }> {
  const sum = await db.orderRollupDaily.aggregate({
    where: { merchantId, channel: "AI_SCREEN_READ", isVerification: false, day: { gte: dayDate(from), lt: dayDate(addDays(to, 1)) } },
    _sum: { gmvFen: true, orders: true },
  });
  return { gmvFen: sum._sum.gmvFen ?? 0n, orders: sum._sum.orders ?? 0n };
}
