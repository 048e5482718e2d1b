import { describe, expect, it, vi } from "vitest";
import { throttleWrites } from "./throttle";

describe("throttleWrites", () => {
  it("writes the first call at once, then only the latest value per interval", async () => {
    vi.useFakeTimers();
    try {
      const writes: number[] = [];
      const t = throttleWrites(async (n: number) => void writes.push(n), 300);
      t.call(1);
      t.call(2);
      t.call(3);
      await vi.advanceTimersByTimeAsync(299);
      expect(writes).toEqual([1]);
      await vi.advanceTimersByTimeAsync(1);
      expect(writes).toEqual([1, 3]);
      t.call(4);
      await t.flush();
      expect(writes).toEqual([1, 3, 4]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps going when a write fails", async () => {
    const writes: number[] = [];
    const t = throttleWrites(async (n: number) => {
      if (n === 1) throw new Error("db down");
      writes.push(n);
    }, 0);
    t.call(1);
    t.call(2);
    await t.flush();
    expect(writes).toEqual([2]);
  });
});
