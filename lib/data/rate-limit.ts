import "server-only";
import { db } from "@/lib/db";
import { peek, recordHit, type RateLimitRule, type RateLimitVerdict } from "@/lib/auth/rate-limit-window";

// Fixed-window counters in RateLimitBucket, so every web instance shares them. The window
// maths is the pure `rate-limit-window`; here only storage and row locking.

export async function peekRateLimit({ key, rule, now = new Date() }: { key: string; rule: RateLimitRule; now?: Date }): Promise<RateLimitVerdict> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key }, select: { count: true, resetAt: true } });
  return peek(bucket, now, rule);
}

/** Records one hit atomically (row lock), returning the verdict after it. */
export async function hitRateLimit({ key, rule, now = new Date() }: { key: string; rule: RateLimitRule; now?: Date }): Promise<RateLimitVerdict> {
  return db.$transaction(async (tx) => {
    // Make sure the row exists, then lock it so concurrent hits serialise.
    await tx.$executeRaw`INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES (${key}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
    const rows = await tx.$queryRaw<Array<{ count: number; resetAt: Date }>>`
      SELECT "count", "resetAt" FROM "RateLimitBucket" WHERE "key" = ${key} FOR UPDATE`;
    const { bucket, verdict } = recordHit(rows[0] ?? null, now, rule);
    await tx.rateLimitBucket.update({ where: { key }, data: { count: bucket.count, resetAt: bucket.resetAt } });
    return verdict;
  });
}

export async function clearRateLimit({ key }: { key: string }): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Housekeeping for a periodic job: expired windows carry no information. */
export async function purgeExpiredRateLimits({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now } } });
  return count;
}
