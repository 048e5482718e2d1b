// A small in-memory cache for slug lookups on the decision API's hot path: a value (or a miss,
// cached for a shorter time so a newly created agent is found quickly) is trusted for a while,
// concurrent lookups of one key share a single load, and the oldest entry goes first when full.
// A loader error is passed to the callers of that load and nothing is cached from it.

export type TtlCacheOptions<V> = {
  load(key: string): Promise<V | null>;
  ttlMs: number;
  /** How long a miss (null) is trusted; default ttlMs. */
  missTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
};

export type TtlCache<V> = {
  get(key: string): Promise<V | null>;
  /** The cached value when it is fresh, without loading; undefined when unknown or stale. */
  peek(key: string): V | null | undefined;
  delete(key: string): void;
  clear(): void;
};

export function createTtlCache<V>(options: TtlCacheOptions<V>): TtlCache<V> {
  const { ttlMs, missTtlMs = ttlMs, maxEntries = 10_000, now = Date.now } = options;
  const entries = new Map<string, { value: V | null; expires: number }>();
  const inflight = new Map<string, Promise<V | null>>();
  let generation = 0;

  function peek(key: string) {
    const entry = entries.get(key);
    return entry && entry.expires > now() ? entry.value : undefined;
  }

  return {
    peek,
    get(key) {
      const hit = peek(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = inflight.get(key);
      if (pending) return pending;
      const started = generation;
      const load = options
        .load(key)
        .then((value) => {
          if (started === generation) {
            entries.delete(key);
            entries.set(key, { value, expires: now() + (value === null ? missTtlMs : ttlMs) });
            if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
          }
          return value;
        })
        .finally(() => {
          if (inflight.get(key) === load) inflight.delete(key);
        });
      inflight.set(key, load);
      return load;
    },
    delete(key) {
      entries.delete(key);
      inflight.delete(key);
      generation++;
    },
    clear() {
      entries.clear();
      inflight.clear();
      generation++;
    },
  };
}
