import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadChunks, parseClientReferenceManifest, sumSizes } from "./first-load-js";

const manifest = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/(merchant)/m/[merchant]/overview/page"] = {"moduleLoading":{"prefix":""},"clientModules":{},"entryJSFiles":{"[project]/app/layout":["static/chunks/a.js"],"[project]/app/(merchant)/m/[merchant]/overview/page":["static/chunks/a.js","static/chunks/b.js","static/chunks/c.js"]}};
`;

describe("first-load JS", () => {
  it("reads the entry chunks from a client reference manifest", () => {
    const { entryJSFiles } = parseClientReferenceManifest(manifest);
    expect(entryJSFiles["[project]/app/layout"]).toEqual(["static/chunks/a.js"]);
    expect(() => parseClientReferenceManifest("module.exports = {}")).toThrow(/client reference manifest/);
  });

  it("lists root main files then the page's chunks, each once", () => {
    const { entryJSFiles } = parseClientReferenceManifest(manifest);
    expect(firstLoadChunks({ rootMainFiles: ["static/chunks/root.js", "static/chunks/a.js"], entryJSFiles, page: "/(merchant)/m/[merchant]/overview/page" })).toEqual([
      "static/chunks/root.js",
      "static/chunks/a.js",
      "static/chunks/b.js",
      "static/chunks/c.js",
    ]);
    expect(() => firstLoadChunks({ rootMainFiles: [], entryJSFiles, page: "/missing/page" })).toThrow(/No entry chunks/);
  });

  it("sums raw and gzip sizes of the chunks", () => {
    const files: Record<string, Buffer> = { "x.js": Buffer.from("a".repeat(10_000)), "y.js": Buffer.from("function f(){return 1}") };
    const sizes = sumSizes(["x.js", "y.js"], (f) => files[f]!);
    expect(sizes.bytes).toBe(10_000 + 22);
    const gzip = gzipSync(files["x.js"]!, { level: 9 }).byteLength + gzipSync(files["y.js"]!, { level: 9 }).byteLength;
    expect(sizes.gzipBytes).toBe(gzip);
    expect(sizes.gzipBytes).toBeLessThan(sizes.bytes);
    expect(sizes.chunks.map((c) => c.file)).toEqual(["x.js", "y.js"]);
  });
});
