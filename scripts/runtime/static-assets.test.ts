import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticFileFor, withStaticAssets } from "./static-assets";

const distDir = mkdtempSync(path.join(tmpdir(), "static-assets-"));
const script = `self.__chunk=${JSON.stringify("x".repeat(2000))};console.log("hello");`.repeat(20);
let server: Server;
let port: number;
let passedOn: string[] = [];

beforeAll(async () => {
  mkdirSync(path.join(distDir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(distDir, "static", "chunks", "app.js"), script);
  writeFileSync(path.join(distDir, "secret.txt"), "outside static");
  server = createServer(
    withStaticAssets(distDir, (req, res) => {
      passedOn.push(`${req.method} ${req.url}`);
      res.statusCode = 404;
      res.end("from next");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(urlPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ port, host: "127.0.0.1", path: urlPath, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("static files from memory", () => {
  it("serves a build file gzipped to a client that accepts it, with the headers Next.js sends", async () => {
    passedOn = [];
    const response = await get("/_next/static/chunks/app.js?dpl=1", { "accept-encoding": "gzip, deflate, br" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(response.body).toString("utf8")).toBe(script);
    expect(response.body.length).toBeLessThan(script.length / 10);
    expect(response.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(passedOn).toEqual([]);
  });

  it("sends the file as it is without gzip in Accept-Encoding (or with q=0), and 304 for its ETag", async () => {
    for (const headers of [{}, { "accept-encoding": "gzip;q=0, deflate" }] as Record<string, string>[]) {
      const plain = await get("/_next/static/chunks/app.js", headers);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString("utf8")).toBe(script);
    }
    const etag = (await get("/_next/static/chunks/app.js")).headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const revalidated = await get("/_next/static/chunks/app.js", { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it("leaves everything else to Next.js: missing files, traversal, other paths, HEAD and ranges", async () => {
    passedOn = [];
    const paths = ["/_next/static/chunks/missing.js", "/_next/static/../secret.txt", "/_next/static/%2e%2e/secret.txt", "/_next/static/chunks/app.exe", "/m/lumen-coffee/overview"];
    for (const p of paths) expect((await get(p)).body.toString()).toBe("from next");
    expect((await get("/_next/static/chunks/app.js", { range: "bytes=0-10" })).body.toString()).toBe("from next");
    expect((await get("/_next/static/chunks/app.js", {}, "HEAD")).status).toBe(404);
    expect(passedOn).toHaveLength(paths.length + 2);
  });

  it("maps only plain static paths to files under the static directory", () => {
    expect(staticFileFor("/d/static", "/_next/static/chunks/a.js")).toBe("/d/static/chunks/a.js");
    expect(staticFileFor("/d/static", "/_next/static/chunks/../../x.js")).toBeNull();
    expect(staticFileFor("/d/static", "/_next/static/%2E%2E/x.js")).toBeNull();
    expect(staticFileFor("/d/static", "/_next/static/chunks//a.js")).toBeNull();
    expect(staticFileFor("/d/static", "/_next/static/%E0%A4%A.js")).toBeNull();
    expect(staticFileFor("/d/static", "/_next/image?url=x")).toBeNull();
  });
});
