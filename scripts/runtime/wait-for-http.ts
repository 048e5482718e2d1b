/** Resolves once `url` answers (any HTTP status), or false when `timeoutMs` passes first. */
export async function waitForHttp(url: string, timeoutMs: number, isStopped: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !isStopped()) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}
