// How the production server's fast path (listener.ts) reaches the API handlers without a copy
// of them: instrumentation.ts, which Next.js runs inside its own server bundle when the server
// starts, publishes the handlers on globalThis; the listener looks them up per request. So the
// fast path runs exactly the code the Next.js routes run, with the same policy runtime, key
// cache and Prisma client, and no second build of the application code is needed.
import type { HandlerResult, HeaderReader } from "@/lib/api/handler-result";

export type FastPathHandlers = {
  /** GET /api/v1/policy/decision, given the raw query string (without "?"); synchronous when everything it needs is in memory. */
  decision(query: string, headers: HeaderReader): HandlerResult | Promise<HandlerResult>;
  /** GET /api/v1/merchants/{slug}/agent-policy.json */
  agentPolicy(slug: string, headers: HeaderReader): Promise<HandlerResult>;
};

const KEY = Symbol.for("skillgate.fastPathHandlers");
type Holder = { [KEY]?: FastPathHandlers };

export function publishFastPathHandlers(handlers: FastPathHandlers): void {
  (globalThis as Holder)[KEY] = handlers;
}

/** The published handlers; undefined until instrumentation has run (the listener then defers to Next.js). */
export function publishedFastPathHandlers(): FastPathHandlers | undefined {
  return (globalThis as Holder)[KEY];
}
