// Progress callbacks fire many times a second; the database needs at most a few writes. Keeps
// the latest value and writes it at most every `intervalMs`, in order, never two at once.

export type Throttled<A extends unknown[]> = { call: (...args: A) => void; flush: () => Promise<void> };

export function throttleWrites<A extends unknown[]>(write: (...args: A) => Promise<void>, intervalMs: number, now = () => Date.now()): Throttled<A> {
  let lastStarted = -Infinity;
  let pending: A | null = null;
  let chain: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    lastStarted = now();
    chain = chain.then(() => write(...args)).catch(() => {}); // progress is best effort
  };

  return {
    call: (...args: A) => {
      pending = args;
      const wait = lastStarted + intervalMs - now();
      if (wait <= 0) run();
      else timer ??= setTimeout(run, wait);
    },
    flush: async () => {
      if (timer) clearTimeout(timer);
      run();
      await chain;
    },
  };
}
