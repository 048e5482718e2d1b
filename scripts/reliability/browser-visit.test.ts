import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { documentAssets, get, navigationRequest, navigationStateTree } from "./browser-visit";

describe("a client-side navigation as the browser sends it", () => {
  it("carries the state tree and the _rsc value Chromium sent for a click from overview to attribution", async () => {
    // Captured with Playwright (Chromium 156, Next.js 16.4) on /m/lumen-coffee/overview, clicking "Attribution".
    const captured = "%5B%22%22%2C%7B%22children%22%3A%5B%22(merchant)%22%2C%7B%22children%22%3A%5B%22m%22%2C%7B%22children%22%3A%5B%5B%22merchant%22%2C%22lumen-coffee%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22attribution%22%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2C%22refetch%22%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C16%5D";
    expect(navigationStateTree("lumen-coffee", "attribution")).toBe(captured);
    const request = await navigationRequest("http://x", "lumen-coffee", "attribution", "/m/lumen-coffee/overview", "c=1");
    expect(request.url).toBe("http://x/m/lumen-coffee/attribution?_rsc=9tAZ3k_uhQN3Wlao");
    expect(request.headers).toEqual({ cookie: "c=1", rsc: "1", "next-router-state-tree": captured, "next-url": "/m/lumen-coffee/overview" });
  });

  it("lists a document's scripts and style sheets once each", () => {
    const html = `<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/><script src="/_next/static/chunks/b.js" async=""></script><script src="/_next/static/chunks/b.js" async=""></script><script>inline</script><link rel="icon" href="/favicon.ico"/>`;
    expect(documentAssets(html)).toEqual(["/_next/static/chunks/a.css", "/_next/static/chunks/b.js"]);
  });
});

describe("the load generator's GET", () => {
  it("sends a request again, once, when the server drops the kept-alive connection it went out on", async () => {
    // Every connection answers its first request and drops on the second, as a server closing an
    // idle connection does when a request arrives just too late.
    const server = createServer((req, res) => {
      const socket = req.socket as typeof req.socket & { served?: number };
      socket.served = (socket.served ?? 0) + 1;
      if (socket.served > 1) return void socket.destroy();
      res.end(`answer ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const first = await get(`${url}/a`, {}, 5_000);
      const second = await get(`${url}/b`, {}, 5_000);
      expect([first.body.toString(), first.retried]).toEqual(["answer /a", false]);
      expect([second.body.toString(), second.retried]).toEqual(["answer /b", true]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
