// Tenant isolation and role limits, over everything the code exposes (see ./inventory.ts and
// ./isolation-matrix.ts). Pages, route handlers and server actions are called directly with the
// session of a real user of the seeded demo world; only next-auth's cookie decoding and Next's
// request-bound helpers are doubled (./next-doubles.ts) — requireMerchant, the action wrappers and
// the data layer's merchantId scoping are the real code. Every attempt must be refused and leave
// merchant A's rows exactly as they were.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", async (original) => (await import("./next-doubles")).nextAuthDouble(await original<object>()));
vi.mock("next/headers", async () => (await import("./next-doubles")).nextHeadersDouble());
vi.mock("next/cache", async () => (await import("./next-doubles")).nextCacheDouble());
vi.mock("next-intl/server", async () => (await import("./next-doubles")).nextIntlDouble());

import { readFileSync } from "node:fs";
import path from "node:path";
import { merchantRoleCan, type MerchantPermission } from "@/lib/auth/permissions";
import { discoverPages, discoverRouteHandlers, discoverServerActions, projectRoot, type ServerActionInfo } from "./inventory";
import { ACTIONS, API_ROUTES, MERCHANT_PAGES, MERCHANT_ROUTE_HANDLERS, PLATFORM_PAGES, PUBLIC_PAGES, type Fields } from "./isolation-matrix";
import { actAs, interruptOf } from "./next-doubles";
import { setUpTenantWorld, type TenantWorld } from "./tenant-fixtures";

let w: TenantWorld;
let baseline: Record<string, string>;
let actions: ServerActionInfo[];

beforeAll(async () => {
  w = await setUpTenantWorld();
  actions = await discoverServerActions();
  baseline = await w.fingerprintOf(w.A.id);
}, 300_000);
afterAll(async () => w?.close());
afterEach(async () => {
  // Whatever a test tried, merchant A's rows are exactly as before.
  expect(await w.fingerprintOf(w.A.id)).toEqual(baseline);
});

type Who = keyof TenantWorld["users"];
async function as(who: Who | null) {
  actAs(who ? await w.db.user.findUniqueOrThrow({ where: { id: w.users[who].id } }) : null);
}

const pages = discoverPages();
const handlers = discoverRouteHandlers();
const uncovered = (what: string, keys: string[], where: string) =>
  keys.length ? `${what} without an entry in ${where} (add one naming which of merchant A's objects it gets): ${keys.join(", ")}` : "";

function form(fields: Fields): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) fd.append(k, value);
  return fd;
}

async function importDefault(file: string) {
  return ((await import(/* @vite-ignore */ path.join(projectRoot, file))) as { default: (props: unknown) => Promise<unknown> }).default;
}

/** Renders a page component; reports the interrupt it threw (notFound/forbidden/redirect) or "rendered". */
async function render(file: string, params: Record<string, string>, searchParams: Record<string, string> = {}) {
  const Page = await importDefault(file);
  try {
    await Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
    return { kind: "rendered" as const, detail: "" };
  } catch (error) {
    return interruptOf(error);
  }
}

async function callAction(key: string, fields: Fields): Promise<{ result?: unknown; interrupt?: ReturnType<typeof interruptOf> }> {
  const action = actions.find((a) => a.key === key)!;
  try {
    // Wrapped actions take (previousState, formData); plain ones take (formData).
    const result = action.fn.length >= 2 ? await action.fn(null, form(fields)) : await action.fn(form(fields));
    return { result };
  } catch (error) {
    return { interrupt: interruptOf(error) };
  }
}

function pagePermission(file: string): MerchantPermission | null {
  const match = readFileSync(path.join(projectRoot, file), "utf8").match(/requireMerchant\([^,()]+,\s*"([A-Za-z:]+)"\)/);
  return (match?.[1] as MerchantPermission | undefined) ?? null;
}

describe("the inventory is covered by the matrix", () => {
  it("finds the app's pages, route handlers and server actions", () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(handlers.length).toBeGreaterThanOrEqual(10);
    expect(actions.length).toBeGreaterThanOrEqual(20);
    console.info(`[isolation] inventory: ${pages.length} pages, ${handlers.reduce((n, h) => n + h.methods.length, 0)} route handler methods in ${handlers.length} files, ${actions.length} server actions`);
  });

  it("has an entry for every page, route handler method and server action", () => {
    const merchantPages = pages.filter((p) => p.area === "merchant").map((p) => p.route);
    const platformPages = pages.filter((p) => p.area === "review" || p.area === "admin").map((p) => p.route);
    const otherPages = pages.filter((p) => p.area === "auth" || p.area === "public").map((p) => p.route);
    const merchantHandlers = handlers.filter((h) => h.area === "merchant").flatMap((h) => h.methods.map((m) => `${m} ${h.route}`));
    const apiHandlers = handlers.filter((h) => h.area !== "merchant").flatMap((h) => h.methods.map((m) => `${m} ${h.route}`));
    const problems = [
      uncovered("Merchant pages", merchantPages.filter((r) => !MERCHANT_PAGES[r]), "MERCHANT_PAGES"),
      uncovered("Platform pages", platformPages.filter((r) => !PLATFORM_PAGES[r]), "PLATFORM_PAGES"),
      uncovered("Public pages", otherPages.filter((r) => !PUBLIC_PAGES[r]), "PUBLIC_PAGES"),
      uncovered("Merchant route handlers", merchantHandlers.filter((k) => !MERCHANT_ROUTE_HANDLERS[k]), "MERCHANT_ROUTE_HANDLERS"),
      uncovered("API route handlers", apiHandlers.filter((k) => !API_ROUTES[k]), "API_ROUTES"),
      uncovered("Server actions", actions.map((a) => a.key).filter((k) => !ACTIONS[k]), "ACTIONS"),
    ].filter(Boolean);
    expect(problems, `tests/security/isolation-matrix.ts: ${problems.join("\n")}`).toEqual([]);
  });

  it("has no stale entries for code that is gone", () => {
    const known = new Set([
      ...pages.map((p) => p.route),
      ...handlers.flatMap((h) => h.methods.map((m) => `${m} ${h.route}`)),
      ...actions.map((a) => a.key),
    ]);
    const stale = [...Object.keys(MERCHANT_PAGES), ...Object.keys(PLATFORM_PAGES), ...Object.keys(PUBLIC_PAGES), ...Object.keys(MERCHANT_ROUTE_HANDLERS), ...Object.keys(API_ROUTES), ...Object.keys(ACTIONS)].filter(
      (k) => !known.has(k),
    );
    expect(stale).toEqual([]);
  });
});

describe("merchant pages: a member of B gets 404 for A's pages and A's objects", () => {
  const merchantPages = pages.filter((p) => p.area === "merchant" && MERCHANT_PAGES[p.route]);
  it.each(merchantPages.map((p) => [p.route, p] as const))("%s", async (_route, page) => {
    const spec = MERCHANT_PAGES[page.route]!;
    const objects = spec.params?.(w) ?? {};
    const search = spec.searchParams?.(w) ?? {};
    await as("ownerB");
    const foreign = await render(page.file, { merchant: w.A.slug, ...objects }, search);
    if (spec.redirectOnly) {
      expect(foreign).toMatchObject({ kind: "redirect" });
      expect(foreign.detail).toContain(`/m/${w.A.slug}/`);
      return;
    }
    expect(foreign, "B's owner on A's URL").toMatchObject({ kind: "notFound" });
    if (Object.keys(objects).length && !spec.paramsAreOwnScope) {
      expect(await render(page.file, { merchant: w.B.slug, ...objects }, search), "B's owner in B's URL with A's ids").toMatchObject({ kind: "notFound" });
    }
    await as("reviewer");
    expect(await render(page.file, { merchant: w.A.slug, ...objects }, search), "a platform reviewer").toMatchObject({ kind: "notFound" });
    await as(null);
    expect(await render(page.file, { merchant: w.A.slug, ...objects }, search), "signed out").toMatchObject({ kind: "redirect" });
  });
});

describe("merchant pages: roles without the page's permission get 403", () => {
  const guarded = pages.filter((p) => p.area === "merchant" && !MERCHANT_PAGES[p.route]?.redirectOnly);
  it.each(guarded.map((p) => [p.route, p] as const))("%s", async (_route, page) => {
    const permission = pagePermission(page.file);
    expect(permission, `${page.file} must call requireMerchant(slug, "<permission>")`).not.toBeNull();
    const objects = MERCHANT_PAGES[page.route]?.params?.(w) ?? {};
    for (const who of ["analystA", "devA"] as const) {
      const role = who === "analystA" ? "ANALYST" : "DEVELOPER";
      if (merchantRoleCan(role, permission!)) continue;
      await as(who);
      expect(await render(page.file, { merchant: w.A.slug, ...objects }), `${role} on ${page.route}`).toMatchObject({ kind: "forbidden" });
    }
  });
});

describe("platform pages: merchant users get 403, reviewers only the review console", () => {
  const platformPages = pages.filter((p) => PLATFORM_PAGES[p.route]);
  it.each(platformPages.map((p) => [p.route, p] as const))("%s", async (_route, page) => {
    const { opens, params } = PLATFORM_PAGES[page.route]!;
    const objects = params?.(w) ?? {};
    for (const who of ["ownerA", "analystA", "ownerB"] as const) {
      await as(who);
      expect(await render(page.file, objects), `${who} on ${page.route}`).toMatchObject({ kind: "forbidden" });
    }
    if (!opens.includes("REVIEWER")) {
      await as("reviewer");
      expect(await render(page.file, objects), `reviewer on ${page.route}`).toMatchObject({ kind: "forbidden" });
    }
  });
});

describe("merchant route handlers: 404 for A's URL and A's ids", () => {
  const entries = handlers.filter((h) => h.area === "merchant").flatMap((h) => h.methods.map((m) => [`${m} ${h.route}`, h, m] as const));
  it.each(entries)("%s", async (key, handler, method) => {
    const spec = MERCHANT_ROUTE_HANDLERS[key]!;
    const module = (await import(/* @vite-ignore */ path.join(projectRoot, handler.file))) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
    const call = (merchant: string) => {
      const params = { merchant, ...(spec.params?.(w) ?? {}) };
      const url = `http://localhost${handler.route.replace(/\[(\w+)\]/g, (_m, name: string) => params[name as keyof typeof params] ?? name)}`;
      return module[method]!(new Request(url, { method }), { params: Promise.resolve(params) });
    };
    await as("ownerB");
    expect((await call(w.A.slug)).status, "B's owner on A's URL").toBe(404);
    const own = await call(w.B.slug);
    if (spec.params && !spec.paramsAreOwnScope) expect(own.status, "B's owner in B's URL with A's ids").toBe(404);
    for (const secret of spec.ownViewExcludes?.(w) ?? []) expect(await own.text()).not.toContain(secret);
    await as("reviewer");
    expect((await call(w.A.slug)).status, "a platform reviewer").toBe(404);
  });
});

describe("API route handlers: B's key and session cannot reach A", () => {
  const entries = handlers.filter((h) => h.area !== "merchant").flatMap((h) => h.methods.map((m) => [`${m} ${h.route}`, h, m] as const));
  it.each(entries)("%s", async (key, handler, method) => {
    const spec = API_ROUTES[key]!;
    if ("exempt" in spec) {
      expect(spec.exempt.length).toBeGreaterThan(20);
      return;
    }
    const module = (await import(/* @vite-ignore */ path.join(projectRoot, handler.file))) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
    const before = await w.client.query(`SELECT (SELECT count(*) FROM "Order")::int o, (SELECT count(*) FROM "ScreenReadSession")::int s`);
    await as("ownerB");
    await spec.attempt(w, ({ path: p, params = {}, headers = {}, body }) =>
      module[method]!(new Request(`http://localhost${p}`, { method, headers, ...(body !== undefined ? { body } : {}) }), { params: Promise.resolve(params) }),
    );
    const after = await w.client.query(`SELECT (SELECT count(*) FROM "Order")::int o, (SELECT count(*) FROM "ScreenReadSession")::int s`);
    expect(after.rows).toEqual(before.rows);
  });
});

describe("server actions: B's members cannot act on A", () => {
  const merchantActions = Object.entries(ACTIONS).filter(([, s]) => s.kind === "merchant");
  it.each(merchantActions)("%s", async (key, spec) => {
    if (spec.kind !== "merchant") return;
    const fields = spec.fields(w);
    await as("ownerB");
    expect(await callAction(key, { merchant: w.A.slug, ...fields }), "B's owner naming merchant A").toEqual({ result: { ok: false, error: "auth.errors.notFound" } });
    if (spec.namesObjects) {
      const own = await callAction(key, { merchant: w.B.slug, ...fields });
      // It passed validation and reached the data layer, which scopes by B's id: A's object is not found.
      expect(own.interrupt, "no redirect, no crash").toBeUndefined();
      if (spec.foreign) return spec.foreign(own.result, w);
      expect(own.result, "B's owner in B with A's ids").toMatchObject({ ok: false });
      const error = (own.result as { error: string }).error;
      expect(error).not.toBe("auth.errors.invalidInput");
      expect(error).toMatch(/notFound|not_found/i);
    }
  });
});

describe("server actions: roles", () => {
  const merchantActions = Object.entries(ACTIONS).filter(([, s]) => s.kind === "merchant");
  it.each(merchantActions)("%s refuses the roles without its permission", async (key, spec) => {
    if (spec.kind !== "merchant") return;
    const fields = { merchant: w.A.slug, ...spec.fields(w) };
    await as("analystA");
    const analyst = await callAction(key, fields);
    if (spec.mutates || !merchantRoleCan("ANALYST", spec.permission)) expect(analyst, "ANALYST").toEqual({ result: { ok: false, error: "auth.errors.forbidden" } });
    if (!merchantRoleCan("DEVELOPER", spec.permission)) {
      await as("devA");
      expect(await callAction(key, fields), "DEVELOPER").toEqual({ result: { ok: false, error: "auth.errors.forbidden" } });
    }
    await as("reviewer");
    expect(await callAction(key, fields), "platform reviewer").toEqual({ result: { ok: false, error: "auth.errors.notFound" } });
    await as(null);
    expect(await callAction(key, fields), "signed out").toEqual({ result: { ok: false, error: "auth.errors.signedOut" } });
  });

  it("every mutating merchant action needs a permission an ANALYST lacks", () => {
    const lax = Object.entries(ACTIONS).filter(([, s]) => s.kind === "merchant" && s.mutates && merchantRoleCan("ANALYST", s.permission));
    expect(lax.map(([k]) => k)).toEqual([]);
  });

  const platformActions = Object.entries(ACTIONS).filter(([, s]) => s.kind === "platform");
  it.each(platformActions)("%s refuses merchant users and staff without the permission", async (key, spec) => {
    if (spec.kind !== "platform") return;
    for (const who of ["ownerA", "ownerB", "analystA", ...(spec.opens.includes("REVIEWER") ? [] : (["reviewer"] as const))] as const) {
      await as(who);
      expect(await callAction(key, spec.fields(w)), who).toEqual({ result: { ok: false, error: "auth.errors.forbidden" } });
    }
  });
});

describe("server actions open to any user: B's owner cannot reach into A", () => {
  const open = Object.entries(ACTIONS).filter(([, s]) => s.kind === "user" || s.kind === "public" || s.kind === "self");
  it.each(open)("%s", async (key, spec) => {
    if (spec.kind === "merchant" || spec.kind === "platform") return;
    await as(spec.kind === "public" ? null : "ownerB");
    const { result, interrupt } = await callAction(key, spec.fields(w));
    expect(interrupt).toBeUndefined();
    await spec.check(result, w);
  });
});
