import { describe, expect, it, vi } from "vitest";
import { createPolicyCache, type PolicyCacheOptions } from "./cache";
import type { PolicySnapshot } from "./types";

function snapshotFor(merchantId: string, version: number): PolicySnapshot {
  return {
    merchantId,
    merchantSlug: `${merchantId}-slug`,
    version,
    screenReadingAllowed: true,
    dataSharing: "NONE",
    rules: [{ id: `deny-v${version}`, kind: "PATH", effect: "DENY", pattern: "/checkout/**" }],
    integrations: [],
  };
}

/** A fake database: versions per merchant, call counters, and a manual clock. */
function setup(overrides: Partial<PolicyCacheOptions> = {}) {
  const versions = new Map<string, number>([["m1", 1], ["m2", 5]]);
  let clock = 0;
  const loadVersion = vi.fn(async (id: string) => versions.get(id) ?? null);
  const loadSnapshot = vi.fn(async (id: string) => {
    const version = versions.get(id);
    return version === undefined ? null : snapshotFor(id, version);
  });
  const cache = createPolicyCache({
    loadVersion,
    loadSnapshot,
    versionCheckIntervalMs: 1000,
    now: () => clock,
    ...overrides,
  });
  return {
    cache,
    versions,
    loadVersion,
    loadSnapshot,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createPolicyCache", () => {
  it("loads and compiles on first use, then serves from memory", async () => {
    const { cache, loadVersion, loadSnapshot } = setup();
    const first = await cache.get("m1");
    const second = await cache.get("m1");
    expect(first?.version).toBe(1);
    expect(second).toBe(first);
    expect(loadVersion).toHaveBeenCalledTimes(1);
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
  });

  it("checks the version at most once per interval", async () => {
    const { cache, loadVersion, loadSnapshot, advance } = setup();
    await cache.get("m1");
    advance(999);
    await cache.get("m1");
    expect(loadVersion).toHaveBeenCalledTimes(1);
    advance(1);
    const again = await cache.get("m1");
    expect(loadVersion).toHaveBeenCalledTimes(2);
    // Same version: no reload, no recompile.
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
    expect(again?.version).toBe(1);
    advance(500);
    await cache.get("m1");
    expect(loadVersion).toHaveBeenCalledTimes(2);
  });

  it("recompiles when the version changed", async () => {
    const { cache, versions, loadSnapshot, advance } = setup();
    const before = await cache.get("m1");
    versions.set("m1", 2);
    expect(await cache.get("m1")).toBe(before); // still within the interval
    advance(1000);
    const after = await cache.get("m1");
    expect(after).not.toBe(before);
    expect(after?.version).toBe(2);
    expect(after?.pathRules.size).toBe(1);
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
  });

  it("checks on every get when the interval is 0", async () => {
    const { cache, loadVersion, loadSnapshot } = setup({ versionCheckIntervalMs: 0 });
    await cache.get("m1");
    await cache.get("m1");
    await cache.get("m1");
    expect(loadVersion).toHaveBeenCalledTimes(3);
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
  });

  it("defaults to a one-second interval on the real clock", async () => {
    vi.useFakeTimers();
    try {
      const loadVersion = vi.fn(async () => 1);
      const cache = createPolicyCache({ loadVersion, loadSnapshot: async () => snapshotFor("m1", 1) });
      await cache.get("m1");
      vi.advanceTimersByTime(999);
      await cache.get("m1");
      expect(loadVersion).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      await cache.get("m1");
      expect(loadVersion).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shares one load between concurrent gets (single-flight)", async () => {
    const gate = deferred<number | null>();
    const { cache, loadVersion, loadSnapshot } = setup();
    loadVersion.mockImplementationOnce(() => gate.promise);
    const pending = [cache.get("m1"), cache.get("m1"), cache.get("m1")];
    gate.resolve(1);
    const results = await Promise.all(pending);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.version).toBe(1);
    expect(loadVersion).toHaveBeenCalledTimes(1);
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
  });

  it("shares the version check too, once the interval has passed", async () => {
    const { cache, loadVersion, advance } = setup();
    await cache.get("m1");
    advance(1000);
    await Promise.all([cache.get("m1"), cache.get("m1"), cache.get("m1")]);
    expect(loadVersion).toHaveBeenCalledTimes(2);
  });

  it("keeps merchants apart", async () => {
    const { cache, loadSnapshot } = setup();
    const [a, b] = await Promise.all([cache.get("m1"), cache.get("m2")]);
    expect(a?.merchantId).toBe("m1");
    expect(b?.merchantId).toBe("m2");
    expect(b?.version).toBe(5);
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
  });

  it("returns null for an unknown merchant and does not cache it", async () => {
    const { cache, versions, loadVersion } = setup();
    expect(await cache.get("nope")).toBeNull();
    versions.set("nope", 1);
    expect((await cache.get("nope"))?.version).toBe(1);
    expect(loadVersion).toHaveBeenCalledTimes(2);
  });

  it("forgets a merchant whose policy disappeared", async () => {
    const { cache, versions, advance } = setup();
    await cache.get("m1");
    versions.delete("m1");
    advance(1000);
    expect(await cache.get("m1")).toBeNull();
  });

  it("returns null when the snapshot vanished between the two reads", async () => {
    const { cache } = setup({ loadSnapshot: async () => null });
    expect(await cache.get("m1")).toBeNull();
  });

  it("reloads after invalidate, even within the interval", async () => {
    const { cache, versions, loadSnapshot } = setup();
    await cache.get("m1");
    versions.set("m1", 3);
    cache.invalidate("m1");
    expect((await cache.get("m1"))?.version).toBe(3);
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
  });

  it("does not store a load that started before invalidate", async () => {
    const gate = deferred<PolicySnapshot | null>();
    const { cache, versions, loadSnapshot } = setup();
    loadSnapshot.mockImplementationOnce(() => gate.promise);
    const old = cache.get("m1");
    await vi.waitFor(() => expect(loadSnapshot).toHaveBeenCalledTimes(1));
    cache.invalidate("m1");
    versions.set("m1", 2);
    const fresh = await cache.get("m1");
    gate.resolve(snapshotFor("m1", 1));
    expect((await old)?.version).toBe(1);
    expect(fresh?.version).toBe(2);
    // Within the interval, so this is whatever the cache stored: the fresh policy, not the old.
    expect((await cache.get("m1"))?.version).toBe(2);
  });

  it("passes a loader error to the callers and retries on the next get", async () => {
    const { cache, loadVersion, advance } = setup();
    const before = await cache.get("m1");
    advance(1000);
    loadVersion.mockRejectedValueOnce(new Error("database down"));
    await expect(Promise.all([cache.get("m1"), cache.get("m1")])).rejects.toThrow("database down");
    expect(loadVersion).toHaveBeenCalledTimes(2);
    expect(await cache.get("m1")).toBe(before);
    expect(loadVersion).toHaveBeenCalledTimes(3);
  });

  it("holds at most maxEntries merchants, dropping the least recently refreshed", async () => {
    const { cache, versions, loadSnapshot } = setup({ maxEntries: 2 });
    versions.set("m3", 1);
    await cache.get("m1");
    await cache.get("m2");
    await cache.get("m3");
    expect(loadSnapshot).toHaveBeenCalledTimes(3);
    await cache.get("m3");
    await cache.get("m2");
    expect(loadSnapshot).toHaveBeenCalledTimes(3);
    await cache.get("m1");
    expect(loadSnapshot).toHaveBeenCalledTimes(4);
  });
});

describe("peek", () => {
  it("returns the policy only while it needs no version check, and never loads", async () => {
    const { cache, advance, loadVersion } = setup();
    expect(cache.peek("m1")).toBeUndefined();
    const policy = await cache.get("m1");
    expect(cache.peek("m1")).toBe(policy);
    advance(1000);
    expect(cache.peek("m1")).toBeUndefined();
    expect(loadVersion).toHaveBeenCalledTimes(1);
    await cache.get("m1");
    expect(cache.peek("m1")).toBe(policy); // same version: the same compiled policy, checked again
    cache.invalidate("m1");
    expect(cache.peek("m1")).toBeUndefined();
  });
});
