import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache";

function setup(values: Record<string, string | null>, options: { ttlMs?: number; missTtlMs?: number; maxEntries?: number } = {}) {
  let clock = 0;
  const loads: string[] = [];
  const cache = createTtlCache<string>({
    load: async (key) => {
      loads.push(key);
      return values[key] ?? null;
    },
    ttlMs: options.ttlMs ?? 100,
    missTtlMs: options.missTtlMs,
    maxEntries: options.maxEntries,
    now: () => clock,
  });
  return { cache, loads, tick: (ms: number) => (clock += ms) };
}

describe("createTtlCache", () => {
  it("serves a value from memory until it expires, then loads again", async () => {
    const { cache, loads, tick } = setup({ a: "A" });
    expect(await cache.get("a")).toBe("A");
    tick(99);
    expect(await cache.get("a")).toBe("A");
    expect(loads).toEqual(["a"]);
    tick(1);
    expect(await cache.get("a")).toBe("A");
    expect(loads).toEqual(["a", "a"]);
  });

  it("caches a miss for the shorter miss TTL", async () => {
    const values: Record<string, string | null> = {};
    const { cache, loads, tick } = setup(values, { ttlMs: 100, missTtlMs: 10 });
    expect(await cache.get("new")).toBeNull();
    values.new = "N";
    tick(9);
    expect(await cache.get("new")).toBeNull();
    tick(1);
    expect(await cache.get("new")).toBe("N");
    expect(loads).toEqual(["new", "new"]);
  });

  it("shares one load between concurrent gets", async () => {
    const { cache, loads } = setup({ a: "A" });
    const results = await Promise.all([cache.get("a"), cache.get("a"), cache.get("a")]);
    expect(results).toEqual(["A", "A", "A"]);
    expect(loads).toEqual(["a"]);
  });

  it("does not cache a failed load", async () => {
    let fail = true;
    const cache = createTtlCache<string>({
      load: async () => {
        if (fail) throw new Error("down");
        return "ok";
      },
      ttlMs: 100,
    });
    await expect(cache.get("a")).rejects.toThrow("down");
    fail = false;
    expect(await cache.get("a")).toBe("ok");
  });

  it("drops the oldest entry when full, and forgets on delete and clear", async () => {
    const { cache, loads } = setup({ a: "A", b: "B", c: "C" }, { maxEntries: 2 });
    await cache.get("a");
    await cache.get("b");
    await cache.get("c");
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("c")).toBe("C");
    cache.delete("c");
    expect(cache.peek("c")).toBeUndefined();
    cache.clear();
    expect(cache.peek("b")).toBeUndefined();
    expect(loads).toEqual(["a", "b", "c"]);
  });

  it("does not store a load that started before a clear", async () => {
    let release!: (v: string) => void;
    const cache = createTtlCache<string>({ load: () => new Promise((r) => (release = r)), ttlMs: 100 });
    const pending = cache.get("a");
    cache.clear();
    release("old");
    expect(await pending).toBe("old");
    expect(cache.peek("a")).toBeUndefined();
  });
});
