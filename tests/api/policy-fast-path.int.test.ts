// The production server's fast path (lib/fast-path/listener.ts) against the Next.js routes: for a
// table of requests both must answer the same status, body and headers, the fast path adding
// the security headers next.config.ts adds to every Next.js response. The listener runs
// in-process on a free port; "Next.js" is a stub that records what it was handed.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as agentPolicyRoute } from "@/app/api/v1/merchants/[slug]/agent-policy.json/route";
import { GET as decisionRoute } from "@/app/api/v1/policy/decision/route";
import { clearApiKeyCache } from "@/lib/api/authenticate-key";
import { REGISTRY_READ_SCOPE } from "@/lib/api-keys/scopes";
import { addPathRule, updateSettings } from "@/lib/data/visibility";
import { publishedFastPathHandlers, type FastPathHandlers } from "@/lib/fast-path/contract";
import { createFastPathListener, DECISION_PATH, FAST_HEALTH_PATH } from "@/lib/fast-path/listener";
import { publishPolicyFastPath } from "@/lib/fast-path/publish";
import { handleAgentPolicy } from "@/lib/policy-runtime/agent-policy-handler";
import { clearDecisionMemo, handleDecision } from "@/lib/policy-runtime/decision-handler";
import { invalidatePolicy, resetPolicyRuntime } from "@/lib/policy-runtime/policy-runtime";
import { securityHeaders } from "@/lib/security-headers";
import { createPolicyWorld, type PolicyWorld } from "@/tests/support/visibility-fixtures";

const realHandlers: FastPathHandlers = { decision: handleDecision, agentPolicy: handleAgentPolicy };
let handlers: FastPathHandlers | undefined = realHandlers;
let enabled = true;
const handedToNext: string[] = [];
let server: Server;
let base: string;
let world: PolicyWorld;

beforeAll(async () => {
  clearApiKeyCache();
  const next = (request: IncomingMessage, response: import("node:http").ServerResponse) => {
    handedToNext.push(`${request.method} ${request.url}`);
    response.writeHead(599, { "content-type": "text/plain" }).end("next");
  };
  // The options are read per request through these closures, so tests can vary them.
  server = createServer((request, response) =>
    createFastPathListener({ next, handlers: () => handlers, enabled, onError: () => {} })(request, response),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  resetPolicyRuntime();
  handlers = realHandlers;
  enabled = true;
  handedToNext.length = 0;
  world = await createPolicyWorld();
});

// Headers the handlers decide; Date, Connection and Content-Length belong to the transport, and
// the fast path adds Accept-Encoding to Vary (it may gzip, as Next.js does).
const compared = ["content-type", "cache-control", "www-authenticate", "etag", "vary"];
const withoutAcceptEncoding = (vary: string) => vary.split(/,\s*/).filter((v) => v !== "Accept-Encoding").join(", ");
const pick = (headers: Headers) =>
  Object.fromEntries(
    compared.flatMap((name) => {
      const value = headers.get(name);
      if (value === null) return [];
      return name === "vary" ? (withoutAcceptEncoding(value) ? [[name, withoutAcceptEncoding(value)]] : []) : [[name, value]];
    }),
  );

async function bothAnswer(path: string, headers: Record<string, string>) {
  const request = new Request(`http://localhost${path}`, { headers });
  const slug = /^\/api\/v1\/merchants\/([^/]+)\/agent-policy\.json$/.exec(path.split("?")[0]!)?.[1];
  const viaNext =
    slug === undefined
      ? await decisionRoute(request)
      : await agentPolicyRoute(request, { params: Promise.resolve({ slug: decodeURIComponent(slug) }) });
  const viaFast = await fetch(`${base}${path}`, { headers });
  return {
    next: { status: viaNext.status, headers: pick(viaNext.headers), body: await viaNext.text() },
    fast: { status: viaFast.status, headers: pick(viaFast.headers), body: await viaFast.text() },
    fastHeaders: viaFast.headers,
  };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("fast path and Next.js route answer alike", () => {
  it("for a table of decision and agent-policy requests", async () => {
    await addPathRule({ merchantId: world.merchant.id, actor: world.actor, effect: "DENY", pattern: "/checkout/**" });
    const noScope = await world.keyFor(world.agent.id, []);
    const q = (params: Record<string, string>) =>
      `${DECISION_PATH}?${new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, ...params })}`;
    const key = bearer(world.agentKey);
    const table: [string, string, Record<string, string>, number][] = [
      ["allow", q({ action: "screen_read", path: "/menu/latte" }), key, 200],
      ["deny by path rule", q({ action: "screen_read", path: "/checkout/pay" }), key, 200],
      ["skill call allowed", q({ action: "skill_call", integration: world.integrations.public.id }), key, 200],
      ["skill call denied", q({ action: "skill_call", integration: world.integrations.private.id }), key, 200],
      ["unknown merchant", q({ merchant: "no-such-shop", action: "screen_read", path: "/" }), key, 404],
      ["unknown agent", q({ agent: "no-such-agent", action: "screen_read", path: "/" }), key, 404],
      ["another agent", q({ agent: world.other.slug, action: "screen_read", path: "/" }), key, 403],
      ["bad action", q({ action: "fly" }), key, 400],
      ["missing path", q({ action: "screen_read" }), key, 400],
      ["bad encoding", q({ action: "screen_read", path: "/a%zz" }), key, 400],
      ["no parameters", DECISION_PATH, key, 400],
      ["missing key", q({ action: "screen_read", path: "/" }), {}, 401],
      ["not a key", q({ action: "screen_read", path: "/" }), bearer("hello"), 401],
      ["unknown key", q({ action: "screen_read", path: "/" }), bearer("sg_agent_unknown"), 401],
      ["key by X-Api-Key", q({ action: "screen_read", path: "/menu" }), { "x-api-key": world.agentKey }, 200],
      ["key without policy:read", q({ action: "screen_read", path: "/" }), bearer(noScope), 403],
      ["agent policy", `/api/v1/merchants/${world.merchant.slug}/agent-policy.json`, key, 200],
      ["agent policy, encoded slug", `/api/v1/merchants/${encodeURIComponent(world.merchant.slug).replace("-", "%2D")}/agent-policy.json`, key, 200],
      ["agent policy, bad slug", `/api/v1/merchants/bad%20slug/agent-policy.json`, key, 400],
      ["agent policy, unknown merchant", `/api/v1/merchants/no-such-shop/agent-policy.json`, key, 404],
      ["agent policy, no key", `/api/v1/merchants/${world.merchant.slug}/agent-policy.json`, {}, 401],
      ["agent policy, key without policy:read", `/api/v1/merchants/${world.merchant.slug}/agent-policy.json`, bearer(noScope), 403],
    ];
    for (const [name, path, headers, status] of table) {
      const { next, fast, fastHeaders } = await bothAnswer(path, headers);
      expect(next.status, name).toBe(status);
      expect(fast, name).toEqual(next);
      for (const { key: header, value } of securityHeaders) expect(fastHeaders.get(header), `${name}: ${header}`).toBe(value);
      expect(fastHeaders.get("vary"), name).toContain("Accept-Encoding");
    }
    expect(handedToNext).toEqual([]);
  });

  it("answers 304 to If-None-Match on agent-policy.json, like the route", async () => {
    const path = `/api/v1/merchants/${world.merchant.slug}/agent-policy.json`;
    const etag = (await fetch(`${base}${path}`, { headers: bearer(world.agentKey) })).headers.get("etag")!;
    const { next, fast } = await bothAnswer(path, { ...bearer(world.agentKey), "if-none-match": etag });
    expect(next.status).toBe(304);
    expect(fast).toEqual(next);
  });
});

describe("handleDecision", () => {
  it("answers from memory synchronously once key, slugs and policy are cached, exactly as with loads", async () => {
    const headers = new Headers(bearer(world.agentKey));
    const questions = ([
      { action: "screen_read", path: "/menu" },
      { action: "skill_call", integration: world.integrations.public.id },
      { action: "fly" },
      { agent: world.other.slug, action: "screen_read", path: "/" },
    ] as Record<string, string>[]).map((q) => new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, ...q }).toString());
    const cold = handleDecision(questions[0]!, headers);
    expect(cold).toBeInstanceOf(Promise); // nothing cached yet: the loads are awaited
    const loaded = await cold;
    await handleDecision(questions[3]!, headers); // caches the other agent's slug too
    for (const question of questions) {
      const warm = handleDecision(question, headers);
      expect(warm, question).not.toBeInstanceOf(Promise);
      clearApiKeyCache(); // forces the path with loads, for comparison
      expect(await handleDecision(question, headers), question).toEqual(warm);
    }
    expect(handleDecision(questions[0]!, headers)).toEqual(loaded);
  });

  const checkoutQuestion = () =>
    new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, action: "screen_read", path: "/checkout/pay" }).toString();
  const bodyOf = async (result: ReturnType<typeof handleDecision>) => JSON.parse((await result).body!) as Record<string, unknown>;

  it("recalls a warm answer and forgets it as soon as the policy it came from changes", async () => {
    clearDecisionMemo();
    const headers = new Headers(bearer(world.agentKey));
    const question = checkoutQuestion();
    await handleDecision(question, headers); // cold: loads key, slugs and policy
    const first = handleDecision(question, headers);
    expect(handleDecision(question, headers)).toBe(first); // the very same response: recalled, not recomputed
    expect(await bodyOf(first)).toMatchObject({ allow: true, policyVersion: 0 });

    await updateSettings({ merchantId: world.merchant.id, actor: world.actor, screenReadingAllowed: false, dataSharing: "NONE" });
    invalidatePolicy(world.merchant.id);
    expect(await bodyOf(handleDecision(question, headers))).toMatchObject({ allow: false, reason: "screen_reading_disabled", policyVersion: 1 });
    expect(await bodyOf(handleDecision(question, headers))).toMatchObject({ allow: false, policyVersion: 1 });
  });

  it("never recalls an answer for another key, nor past a reload of the key's record", async () => {
    clearDecisionMemo();
    const headers = new Headers(bearer(world.agentKey));
    const question = checkoutQuestion();
    await handleDecision(question, headers);
    const remembered = handleDecision(question, headers);
    expect(handleDecision(question, headers)).toBe(remembered);

    const unknown = await handleDecision(question, new Headers(bearer("sg_agent_" + "0".repeat(32))));
    expect(unknown.status).toBe(401);
    const wrongScope = await handleDecision(question, new Headers(bearer(await world.keyFor(world.agent.id, [REGISTRY_READ_SCOPE]))));
    expect(wrongScope.status).toBe(403);

    clearApiKeyCache(); // e.g. the key's cache entry expired: it must be looked up (and judged) again
    const afterReload = handleDecision(question, headers);
    expect(afterReload).toBeInstanceOf(Promise);
    expect(await afterReload).toEqual(remembered);
  });
});

describe("fast path routing", () => {
  const decisionPath = () =>
    `${DECISION_PATH}?${new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, action: "screen_read", path: "/menu" })}`;

  it("sees a policy change on the very next decision once the change invalidates the cache", async () => {
    const ask = async (path: string) => {
      const query = new URLSearchParams({ merchant: world.merchant.slug, agent: world.agent.slug, action: "screen_read", path });
      return (await fetch(`${base}${DECISION_PATH}?${query}`, { headers: bearer(world.agentKey) })).json();
    };
    expect(await ask("/checkout/pay")).toMatchObject({ allow: true, policyVersion: 0 });
    // What the visibility page's server action does: commit, then invalidate.
    await updateSettings({ merchantId: world.merchant.id, actor: world.actor, screenReadingAllowed: false, dataSharing: "NONE" });
    invalidatePolicy(world.merchant.id);
    expect(await ask("/checkout/pay")).toMatchObject({ allow: false, reason: "screen_reading_disabled", policyVersion: 1 });
  });

  it("answers HEAD with the GET's status and headers and no body", async () => {
    const get = await fetch(`${base}${decisionPath()}`, { headers: bearer(world.agentKey) });
    const head = await fetch(`${base}${decisionPath()}`, { method: "HEAD", headers: bearer(world.agentKey) });
    expect([head.status, head.headers.get("cache-control"), await head.text()]).toEqual([200, get.headers.get("cache-control"), ""]);
  });

  it("gzips bodies of 1 KiB and more for clients that accept it, and sends the rest as is", async () => {
    const path = `/api/v1/merchants/${world.merchant.slug}/agent-policy.json`;
    const plain = await fetch(`${base}${path}`, { headers: { ...bearer(world.agentKey), "accept-encoding": "identity" } });
    const text = await plain.text();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1024);
    expect(plain.headers.get("content-encoding")).toBeNull();
    const zipped = await fetch(`${base}${path}`, { headers: { ...bearer(world.agentKey), "accept-encoding": "gzip, br" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(Number(zipped.headers.get("content-length"))).toBeLessThan(Buffer.byteLength(text));
    expect(await zipped.text()).toBe(text); // fetch decodes it
    const small = await fetch(`${base}${decisionPath()}`, { headers: { ...bearer(world.agentKey), "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
  });

  it("hands a request with x-skillgate-fast-path: off to Next.js", async () => {
    const response = await fetch(`${base}${decisionPath()}`, { headers: { ...bearer(world.agentKey), "x-skillgate-fast-path": "off" } });
    expect(response.status).toBe(599);
    expect(handedToNext).toEqual([`GET ${decisionPath()}`]);
  });

  it("answers its constant health route itself", async () => {
    const response = await fetch(`${base}${FAST_HEALTH_PATH}`);
    expect([response.status, await response.json(), response.headers.get("x-frame-options")]).toEqual([200, { ok: true }, "DENY"]);
  });

  it("hands other methods, other paths, trailing slashes and bad escapes to Next.js", async () => {
    const requests: [string, string][] = [
      ["POST", decisionPath()],
      ["GET", `${DECISION_PATH}/`],
      ["GET", "/api/v1/health"],
      ["GET", "/m/lumen-coffee/visibility"],
      ["GET", "/api/v1/merchants/%E0%A4%A/agent-policy.json"],
      ["GET", "/api/v1/merchants/a/b/agent-policy.json"],
    ];
    for (const [method, path] of requests) {
      const response = await fetch(`${base}${path}`, { method, headers: bearer(world.agentKey) });
      expect([response.status, await response.text()], `${method} ${path}`).toEqual([599, "next"]);
    }
    expect(handedToNext).toEqual(requests.map(([method, path]) => `${method} ${path}`));
  });

  it("hands everything to Next.js when disabled, before handlers are published, or when a handler fails", async () => {
    enabled = false;
    expect((await fetch(`${base}${decisionPath()}`)).status).toBe(599);
    enabled = true;
    handlers = undefined;
    expect((await fetch(`${base}${decisionPath()}`)).status).toBe(599);
    handlers = { ...realHandlers, decision: () => Promise.reject(new Error("database down")) };
    expect((await fetch(`${base}${decisionPath()}`, { headers: bearer(world.agentKey) })).status).toBe(599);
    handlers = {
      ...realHandlers,
      decision: () => {
        throw new Error("bug");
      },
    };
    expect((await fetch(`${base}${decisionPath()}`, { headers: bearer(world.agentKey) })).status).toBe(599);
    expect(handedToNext).toHaveLength(4);
  });

  it("uses the handlers instrumentation publishes", async () => {
    publishPolicyFastPath();
    expect(publishedFastPathHandlers()).toEqual(realHandlers);
    const listener = createFastPathListener({ next: () => expect.unreachable("handed to Next.js") });
    const published = createServer(listener);
    await new Promise<void>((resolve) => published.listen(0, "127.0.0.1", resolve));
    try {
      const port = (published.address() as AddressInfo).port;
      const response = await fetch(`http://127.0.0.1:${port}${decisionPath()}`, { headers: bearer(world.agentKey) });
      expect([response.status, (await response.json()).decision]).toEqual([200, "allow"]);
    } finally {
      await new Promise<void>((resolve) => published.close(() => resolve()));
    }
  });
});
