// First-load JavaScript of an App Router page, from the production build's manifests (Turbopack
// output of Next.js 16): the root main files every page loads (the page's build-manifest.json)
// plus the page's entry chunks, layouts included (its client reference manifest's entryJSFiles).
// Polyfills are left out: browsers that support modules never load them. Sizes are gzip -9, as
// a server or CDN would send them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The entry in a client reference manifest: `globalThis.__RSC_MANIFEST["/route"] = {…};`. */
export function parseClientReferenceManifest(source: string): { entryJSFiles: Record<string, string[]> } {
  const marker = source.indexOf("__RSC_MANIFEST[");
  const start = marker === -1 ? -1 : source.indexOf("= {", marker);
  if (start === -1) throw new Error("Not a client reference manifest.");
  const json = source.slice(start + 2).trim().replace(/;\s*$/, "");
  const parsed = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
  return { entryJSFiles: parsed.entryJSFiles ?? {} };
}

/** The chunks a page loads first, each once, in load order. */
export function firstLoadChunks(input: { rootMainFiles: readonly string[]; entryJSFiles: Record<string, string[]>; page: string }): string[] {
  const entry = input.entryJSFiles[`[project]/app${input.page}`];
  if (!entry) throw new Error(`No entry chunks for ${input.page} in the client reference manifest.`);
  return [...new Set([...input.rootMainFiles, ...entry])];
}

export type ChunkSize = { file: string; bytes: number; gzipBytes: number };

/** Raw and gzip sizes of each chunk, and their sums. */
export function sumSizes(chunks: readonly string[], read: (file: string) => Buffer): { chunks: ChunkSize[]; bytes: number; gzipBytes: number } {
  const sizes = chunks.map((file) => {
    const content = read(file);
    return { file, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
  });
  return { chunks: sizes, bytes: sizes.reduce((s, c) => s + c.bytes, 0), gzipBytes: sizes.reduce((s, c) => s + c.gzipBytes, 0) };
}

/**
 * First-load JS of `page` ("/(merchant)/m/[merchant]/overview/page": the app-directory path with
 * route groups, ending in /page) in the build at `distDir`.
 */
export function pageFirstLoadJs(distDir: string, page: string): { chunks: ChunkSize[]; bytes: number; gzipBytes: number } {
  const serverDir = path.join(distDir, "server", "app", page);
  const buildManifest = JSON.parse(readFileSync(path.join(serverDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const { entryJSFiles } = parseClientReferenceManifest(readFileSync(`${serverDir}_client-reference-manifest.js`, "utf8"));
  const chunks = firstLoadChunks({ rootMainFiles: buildManifest.rootMainFiles, entryJSFiles, page });
  return sumSizes(chunks, (file) => readFileSync(path.join(distDir, file)));
}
