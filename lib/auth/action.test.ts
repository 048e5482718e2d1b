import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { MerchantContext, SessionUser } from "./session";

const session = vi.hoisted(() => ({
  user: null as SessionUser | null,
  contexts: new Map<string, MerchantContext>(),
}));

vi.mock("./session", () => ({
  getSessionUser: async () => session.user,
  findMerchantContext: async (slug: string) => (session.user ? (session.contexts.get(slug) ?? null) : null),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => `T(${key})`, { has: (key: string) => key.startsWith("auth.") }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { ActionError, actorOf, merchantAction, platformAction, userAction } = await import("./action");

const alice: SessionUser = { id: "u1", email: "alice@example.com", name: "Alice", platformRole: "NONE", locale: "en" };
const merchant = { id: "m1", slug: "lumen", name: "Lumen", category: "FOOD" as const, status: "ACTIVE" as const };

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

const schema = z.object({ email: z.email("auth.validation.emailInvalid") });

describe("merchantAction", () => {
  const body = vi.fn(async (input: { email: string }, ctx: MerchantContext) => ({ ok: true as const, echoed: `${ctx.merchant.id}:${input.email}` }));
  const action = merchantAction("members:manage", schema, body);

  beforeEach(() => {
    body.mockClear();
    session.user = alice;
    session.contexts = new Map([["lumen", { user: alice, merchant, role: "OWNER" }]]);
  });

  it("runs with the resolved membership and validated input", async () => {
    expect(await action(null, form({ merchant: "lumen", email: "b@example.com" }))).toEqual({ ok: true, echoed: "m1:b@example.com" });
  });

  it("refuses signed-out users, non-members and roles without the permission, without running", async () => {
    session.contexts.set("analyst-shop", { user: alice, merchant: { ...merchant, slug: "analyst-shop" }, role: "ANALYST" });
    expect(await action(null, form({ merchant: "analyst-shop", email: "b@example.com" }))).toEqual({ ok: false, error: "T(auth.errors.forbidden)" });
    expect(await action(null, form({ merchant: "elsewhere", email: "b@example.com" }))).toEqual({ ok: false, error: "T(auth.errors.notFound)" });
    expect(await action(null, form({ email: "b@example.com" }))).toEqual({ ok: false, error: "T(auth.errors.notFound)" });
    session.user = null;
    expect(await action(null, form({ merchant: "lumen", email: "b@example.com" }))).toEqual({ ok: false, error: "T(auth.errors.signedOut)" });
    expect(body).not.toHaveBeenCalled();
  });

  it("returns translated field errors for bad input", async () => {
    expect(await action(null, form({ merchant: "lumen", email: "nope" }))).toEqual({
      ok: false,
      error: "T(auth.errors.invalidInput)",
      fieldErrors: { email: ["T(auth.validation.emailInvalid)"] },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("turns an ActionError into a failure but lets other errors through", async () => {
    const refusing = merchantAction("members:manage", schema, async () => {
      throw new ActionError("auth.errors.forbidden");
    });
    expect(await refusing(null, form({ merchant: "lumen", email: "b@example.com" }))).toEqual({ ok: false, error: "T(auth.errors.forbidden)" });
    const crashing = merchantAction("members:manage", schema, async () => {
      throw new Error("boom");
    });
    await expect(crashing(null, form({ merchant: "lumen", email: "b@example.com" }))).rejects.toThrow("boom");
  });
});

describe("userAction and platformAction", () => {
  it("userAction needs a session", async () => {
    const action = userAction(schema, async (input, user) => ({ ok: true as const, who: `${user.id}:${input.email}` }));
    session.user = alice;
    expect(await action(null, form({ email: "c@example.com" }))).toEqual({ ok: true, who: "u1:c@example.com" });
    session.user = null;
    expect(await action(null, form({ email: "c@example.com" }))).toMatchObject({ ok: false, error: "T(auth.errors.signedOut)" });
  });

  it("platformAction checks the platform role", async () => {
    const action = platformAction("admin:suspend", schema, async () => ({ ok: true as const }));
    session.user = { ...alice, platformRole: "REVIEWER" };
    expect(await action(null, form({ email: "c@example.com" }))).toMatchObject({ ok: false, error: "T(auth.errors.forbidden)" });
    session.user = { ...alice, platformRole: "ADMIN" };
    expect(await action(null, form({ email: "c@example.com" }))).toEqual({ ok: true });
  });

  it("actorOf records the client address", async () => {
    expect(await actorOf(alice)).toEqual({ userId: "u1", email: "alice@example.com", ip: "203.0.113.9" });
  });
});
