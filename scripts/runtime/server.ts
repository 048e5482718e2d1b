// The production server process (`npm start` runs it after the build; e2e runs use the same):
// Next.js in custom-server mode behind lib/fast-path/listener.ts, which answers the policy hot
// paths directly and hands every other request to Next.js on the same port. Next.js's own
// start-up is unchanged: next.config.ts (headers, distDir), proxy.ts and instrumentation.ts
// (which also publishes the fast path's handlers) all run as under `next start`.
//
//   NODE_ENV=production PORT=3000 node --import tsx scripts/runtime/server.ts
//
// SKILLGATE_FAST_PATH=0 sends every request through Next.js (to compare, or to rule it out).
// SKILLGATE_TRUSTED_PROXY_HOPS=n: the number of proxies (load balancers) in front of this server
// whose X-Forwarded-For entries are believed (default 0: the connection's peer is the client).
// SKILLGATE_WEB_PROCESSES=n: n web processes share the port (default 1; see cluster.ts).
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { publishedFastPathHandlers } from "../../lib/fast-path/contract";
import { createFastPathListener } from "../../lib/fast-path/listener";
import { trustedProxyHops, withTrustedClientAddress } from "../../lib/net/forwarded-for";
import { superviseWebProcesses, webProcessCount } from "./cluster";
import { withCompression } from "./compression";
import { withStaticAssets } from "./static-assets";

const port = Number(process.env.PORT ?? 3000);
const fastPath = process.env.SKILLGATE_FAST_PATH !== "0";
/** How long open (keep-alive or busy) connections may take to finish on shutdown. */
const DRAIN_MS = 5000;

async function main() {
  const proxyHops = trustedProxyHops(); // a bad value stops the server before anything starts
  // `next start` sets these for Next.js internals (e.g. forwarded server actions).
  process.env.__NEXT_PRIVATE_ORIGIN ??= `http://localhost:${port}`;
  const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();

  // X-Forwarded-For is rewritten to the one client address we trust before anything reads it
  // (sign-in throttling, audit): see lib/net/forwarded-for.ts.
  // The build's static files come from memory, compressed once (static-assets.ts); everything
  // else Next.js answers is compressed here, at a cheaper level than Next.js's own (compression.ts).
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const listener = createFastPathListener({ next: withStaticAssets(distDir, withCompression(app.getRequestHandler())), enabled: fastPath });
  const server = createServer(withTrustedClientAddress(listener, proxyHops));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve); // every interface, as `next start` without -H
  });
  console.log(`Server listening on port ${port}${fastPath ? " (policy fast path on)" : ""}`);
  // In production Next.js loads the app, and runs instrumentation.ts register() (job workers, the
  // fast path's handlers), on the first request it handles: make that happen now. Until then the
  // fast path hands the policy API to Next.js, which answers it with the same handlers.
  void fetch(`http://127.0.0.1:${port}/api/v1/health`)
    .then((response) => response.arrayBuffer())
    .catch(() => {})
    .then(() => {
      // A web process of a cluster may have warmed another one (the primary picks who answers).
      if (fastPath && cluster.isPrimary && !publishedFastPathHandlers()) console.warn("[fast-path] instrumentation published no handlers; Next.js answers the policy API.");
    });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return; // Ctrl-C reaches us both from the terminal and from the start script
    stopping = true;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    void drained
      .then(() => app.close())
      .catch((error) => console.error(error))
      .finally(() => {
        clearTimeout(timer);
        process.exit(signal === "SIGINT" ? 130 : 143); // as `next start` exits
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

// SKILLGATE_WEB_PROCESSES > 1: this process supervises that many copies of main() (cluster.ts).
const processes = webProcessCount();
if (processes > 1 && cluster.isPrimary) {
  console.log(`Starting ${processes} web processes on port ${port}`);
  superviseWebProcesses(processes);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
