import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCompression } from "./compression";

const page = `<!doctype html><html><body>${"<p class=\"text-sm text-slate-600\">Orders by channel</p>".repeat(400)}</body></html>`;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(
    withCompression((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(page.slice(0, 5_000)); // streamed in parts, as a page render is
      res.end(page.slice(5_000));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(headers: Record<string, string>): Promise<{ encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ port, host: "127.0.0.1", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the production server's compression", () => {
  it("gzips a streamed page for a client that accepts it, losslessly and much smaller", async () => {
    const { encoding, body } = await get({ "accept-encoding": "gzip, deflate, br" });
    expect(encoding).toBe("gzip");
    expect(gunzipSync(body).toString("utf8")).toBe(page);
    expect(body.length).toBeLessThan(page.length / 10);
  });

  it("sends the page as it is to a client that does not accept gzip", async () => {
    const { encoding, body } = await get({});
    expect(encoding).toBeUndefined();
    expect(body.toString("utf8")).toBe(page);
  });
});
