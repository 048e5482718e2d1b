// How a signed-in user's browser asks for a dashboard page, for the load run (load.ts):
//  - a document load (first visit, reload, new tab, bookmark): GET the page's HTML, and once per
//    user the page's scripts and style sheets (after that the browser's cache has them: they are
//    immutable, content-hashed files);
//  - a click on a link in the app: the Next.js router fetches only the new page's RSC payload
//    (`RSC: 1` with the router state tree and the `_rsc` cache-busting parameter it derives from
//    those headers), and the layout the browser already shows is not rendered again.
// The headers are those Chromium sent for such a click (captured with Playwright against this app);
// links do not prefetch (components/ui/link.tsx), so a page view sends nothing else.
import http from "node:http";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";

const { computeCacheBustingSearchParam } = createRequire(import.meta.url)("next/dist/shared/lib/router/utils/cache-busting-search-param.js") as {
  computeCacheBustingSearchParam: (prefetch?: string, segmentPrefetch?: string, stateTree?: string, nextUrl?: string) => Promise<string>;
};

export type PageRequest = { url: string; headers: Record<string, string> };

/** The router state tree the client sends to navigate to /m/<merchant>/<section>: the merchant layout is kept, the section refetched. */
export function navigationStateTree(merchant: string, section: string): string {
  const page = ["__PAGE__", {}, null, null, 0];
  const sectionSegment = [section, { children: page }, null, "refetch", 0];
  const merchantSegment = [["merchant", merchant, "d", null], { children: sectionSegment }, null, null, 0];
  const tree = ["", { children: ["(merchant)", { children: ["m", { children: merchantSegment }, null, null, 0] }, null, null, 0] }, null, null, 16];
  return encodeURIComponent(JSON.stringify(tree));
}

export function documentRequest(baseUrl: string, path: string, cookie: string): PageRequest {
  return { url: `${baseUrl}${path}`, headers: { cookie } };
}

/** A client-side navigation from `fromPath` to /m/<merchant>/<section>, as the Next.js router sends it. */
export async function navigationRequest(baseUrl: string, merchant: string, section: string, fromPath: string, cookie: string): Promise<PageRequest> {
  const stateTree = navigationStateTree(merchant, section);
  const rsc = await computeCacheBustingSearchParam(undefined, undefined, stateTree, fromPath);
  return { url: `${baseUrl}/m/${merchant}/${section}?_rsc=${rsc}`, headers: { cookie, rsc: "1", "next-router-state-tree": stateTree, "next-url": fromPath } };
}

/** The scripts and style sheets a document references (what a browser with an empty cache fetches next). */
export function documentAssets(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="(\/_next\/static\/[^"]+)"/g)) urls.add(match[1]!);
  return [...urls];
}

export type PageResponse = { status: number; contentType: string; body: Buffer; retried: boolean };

// node:http with keep-alive, lighter than fetch: the load generator shares the server's 2 cores.
const agent = new http.Agent({ keepAlive: true });

/**
 * GET as a browser sends it (gzip accepted), the body decompressed. Like a browser, it retries
 * once when the server closed an idle kept-alive connection just as the request went out on it
 * (Node's server drops connections idle for 5 s, and users think for 2.5–7.5 s).
 */
export async function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<PageResponse> {
  try {
    return await getOnce(url, headers, timeoutMs, false);
  } catch (error) {
    if (!(error as { reusedSocket?: boolean }).reusedSocket || (error as NodeJS.ErrnoException).code !== "ECONNRESET") throw error;
    return getOnce(url, headers, timeoutMs, true);
  }
}

function getOnce(url: string, headers: Record<string, string>, timeoutMs: number, retried: boolean): Promise<PageResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { "accept-encoding": "gzip", ...headers }, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? ""), body: response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw, retried });
      });
      response.on("error", reject);
    });
    request.on("error", (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
  });
}
