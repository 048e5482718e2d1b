import { describe, expect, it } from "vitest";
import { currentWindow, peek, recordHit, type RateLimitBucketState } from "./rate-limit-window";

const rule = { limit: 3, windowMs: 60_000 };
const t0 = new Date("2026-11-28T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("fixed-window rate limit", () => {
  it("starts a fresh window for a missing or expired bucket", () => {
    expect(currentWindow(null, t0, rule)).toEqual({ count: 0, resetAt: at(60_000) });
    const expired = { count: 99, resetAt: at(-1) };
    expect(currentWindow(expired, t0, rule)).toEqual({ count: 0, resetAt: at(60_000) });
    // A window that ends exactly now is over.
    expect(currentWindow({ count: 5, resetAt: t0 }, t0, rule).count).toBe(0);
  });

  it("limits after `limit` hits within the window and reports when to retry", () => {
    let bucket: RateLimitBucketState | null = null;
    for (let i = 0; i < 3; i++) {
      expect(peek(bucket, at(i * 1000), rule).limited).toBe(false);
      bucket = recordHit(bucket, at(i * 1000), rule).bucket;
    }
    expect(bucket).toEqual({ count: 3, resetAt: at(60_000) });
    const verdict = peek(bucket, at(10_000), rule);
    expect(verdict).toEqual({ limited: true, remaining: 0, retryAfterMs: 50_000 });
  });

  it("the hit that reaches the limit says so", () => {
    const { verdict } = recordHit({ count: 2, resetAt: at(30_000) }, t0, rule);
    expect(verdict.limited).toBe(true);
    expect(recordHit({ count: 1, resetAt: at(30_000) }, t0, rule).verdict).toEqual({ limited: false, remaining: 1, retryAfterMs: 0 });
  });

  it("keeps the window end fixed while hits accumulate, then resets", () => {
    const first = recordHit(null, t0, rule).bucket;
    const second = recordHit(first, at(59_000), rule).bucket;
    expect(second.resetAt).toEqual(at(60_000));
    const afterWindow = recordHit({ count: 3, resetAt: at(60_000) }, at(60_000), rule);
    expect(afterWindow.bucket).toEqual({ count: 1, resetAt: at(120_000) });
    expect(afterWindow.verdict.limited).toBe(false);
  });
});
