import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// The production server answers the policy API on its fast path (lib/fast-path/listener.ts);
// `x-skillgate-fast-path: off` sends the same request through Next.js. Both must give the same
// status, body and headers: the security headers of next.config.ts included. What may differ is
// transport only: Date, chunked vs Content-Length, gzip (the fast path compresses from 1 KiB,
// Next.js everything) and Next.js's RSC tokens in Vary, which mean nothing for JSON.
const agentKey = "sg_agent_demo_aurora_000000000000000000000000";
const transport = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

function comparable(headers: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !transport.has(name))
      .map(([name, value]) =>
        name === "vary"
          ? [name, value.split(/,\s*/).filter((token) => token !== "rsc" && !token.startsWith("next-router-")).sort().join(", ")]
          : [name, value],
      ),
  );
}

async function answer(request: APIRequestContext, path: string, headers: Record<string, string>) {
  const response = await request.get(path, { headers });
  return { status: response.status(), headers: comparable(response.headers()), body: await response.text(), vary: response.headers()["vary"] };
}

const q = (params: Record<string, string>) => `/api/v1/policy/decision?${new URLSearchParams({ merchant: "lumen-coffee", agent: "aurora", ...params })}`;
const key = { authorization: `Bearer ${agentKey}` };
const cases: [string, string, Record<string, string>, number][] = [
  ["allowed page", q({ action: "screen_read", path: "/menu/latte" }), key, 200],
  ["skill call of an unknown integration", q({ action: "skill_call", integration: "nope" }), key, 200],
  ["unknown merchant", q({ merchant: "no-such-shop", action: "screen_read", path: "/" }), key, 404],
  ["unknown agent", q({ agent: "no-such-agent", action: "screen_read", path: "/" }), key, 404],
  ["bad action", q({ action: "fly" }), key, 400],
  ["bad path", q({ action: "screen_read", path: "checkout" }), key, 400],
  ["no key", q({ action: "screen_read", path: "/" }), {}, 401],
  ["wrong kind of key", q({ action: "screen_read", path: "/" }), { authorization: "Bearer sg_analytics_demo_lumen_0000000000000000000000" }, 403],
  ["agent-policy.json", "/api/v1/merchants/lumen-coffee/agent-policy.json", key, 200],
  ["agent-policy.json, unknown merchant", "/api/v1/merchants/no-such-shop/agent-policy.json", key, 404],
];

test("the fast path and Next.js answer the policy API alike", async ({ request }) => {
  for (const [name, path, headers, status] of cases) {
    const { vary: fastVary, ...fast } = await answer(request, path, headers);
    const { vary: nextVary, ...viaNext } = await answer(request, path, { ...headers, "x-skillgate-fast-path": "off" });
    expect(viaNext.status, name).toBe(status);
    expect(fast, name).toEqual(viaNext);
    // Proof of which path answered: only Next.js's responses vary on its RSC headers.
    expect([fastVary, nextVary].map((vary) => vary?.includes("rsc")), name).toEqual([false, true]);
    expect(fast.headers["content-security-policy"], name).toContain("frame-ancestors 'none'");
  }
  const etag = (await request.get("/api/v1/merchants/lumen-coffee/agent-policy.json", { headers: key })).headers()["etag"]!;
  const revalidated = await answer(request, "/api/v1/merchants/lumen-coffee/agent-policy.json", { ...key, "if-none-match": etag });
  expect(revalidated.status).toBe(304);
});

test("the fast listener's constant route answers beside Next.js's", async ({ request }) => {
  for (const path of ["/api/v1/health/fast", "/api/v1/health"]) {
    const response = await request.get(path);
    expect([response.status(), await response.json()], path).toEqual([200, { ok: true }]);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
  }
});
