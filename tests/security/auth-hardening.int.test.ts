// Authentication hardening, end to end through the real next-auth configuration, session check,
// data layer and database (the seeded demo world): sign-in throttling, the password policy at
// registration, sessions revoked by disable / role change / password change, cookie flags under an
// https NEXTAUTH_URL through next-auth's own route handler, and secrets at rest (API keys only as
// hashes; MCP bearer tokens and webhook secrets only sealed) by scanning every table.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", async (original) => (await import("./next-doubles")).nextAuthDouble(await original<object>()));
vi.mock("next/headers", async () => (await import("./next-doubles")).nextHeadersDouble());
vi.mock("next/cache", async () => (await import("./next-doubles")).nextCacheDouble());
vi.mock("next-intl/server", async () => (await import("./next-doubles")).nextIntlDouble());

import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { commonPasswords } from "@/lib/auth/common-passwords";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { demoApiKeys } from "@/lib/demo/catalogue";
import { discoverServerActions, projectRoot } from "./inventory";
import { acting, actAs } from "./next-doubles";
import { PLAINTEXT_BEARER, setUpTenantWorld, type TenantWorld } from "./tenant-fixtures";

const DEMO_PASSWORD = "Skillgate-demo-2026";
let w: TenantWorld;
type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
let authorize: Authorize;

beforeAll(async () => {
  w = await setUpTenantWorld({ orders: 20 });
  const { authOptions } = await import("@/lib/auth/options");
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
}, 300_000);
afterAll(async () => w?.close());

const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

/** Tables (any schema but the catalogue's) whose rows contain the text anywhere, with the count. */
async function tablesContaining(text: string): Promise<Record<string, number>> {
  const { rows: tables } = await w.client.query<{ s: string; t: string }>(
    `SELECT table_schema s, table_name t FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const out: Record<string, number> = {};
  for (const { s, t } of tables) {
    const { rows } = await w.client.query<{ n: number }>(`SELECT count(*)::int n FROM "${s}"."${t}" x WHERE strpos(x::text, $1) > 0`, [text]);
    if (rows[0]!.n) out[`${s}.${t}`] = rows[0]!.n;
  }
  return out;
}

describe("sign-in rate limits", () => {
  it("locks an account after 5 failures even when every attempt claims another client address; then not even the right password is checked", async () => {
    const email = w.users.adminA.email;
    for (let i = 0; i < 5; i++) expect(await authorize({ email, password: `wrong-${i}` }, from(`198.51.100.${i + 1}`))).toBeNull();
    await expect(authorize({ email, password: DEMO_PASSWORD }, from("198.51.100.99"))).rejects.toThrow("RateLimited");
    await expect(authorize({ email: email.toUpperCase(), password: DEMO_PASSWORD }, from("198.51.100.98"))).rejects.toThrow("RateLimited");
  });

  it("limits one address spraying passwords over many accounts (30 failures per 15 minutes)", async () => {
    const address = "203.0.113.50";
    for (let i = 0; i < 30; i++) expect(await authorize({ email: `nobody-${i}@spray.test`, password: "Summer2026!" }, from(address))).toBeNull();
    await expect(authorize({ email: w.users.ownerB.email, password: DEMO_PASSWORD }, from(address))).rejects.toThrow("RateLimited");
    // Another address still signs in.
    expect(await authorize({ email: w.users.ownerB.email, password: DEMO_PASSWORD }, from("203.0.113.51"))).toMatchObject({ email: w.users.ownerB.email });
  });
});

describe("password policy at registration (the real action and schema)", () => {
  const register = async (password: string, n: number) => {
    const action = (await discoverServerActions()).find((a) => a.name === "registerAction")!;
    actAs(null);
    acting.headers.set("x-forwarded-for", `192.0.2.${n}`);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ name: "Policy Test", email: `policy-${n}@example.test`, password })) fd.append(k, v);
    return action.fn(null, fd) as Promise<{ ok: boolean; fieldErrors?: Record<string, string[]> }>;
  };

  it("refuses fewer than 8 characters, accepts 8 and a 64-character passphrase, refuses common passwords", async () => {
    expect((await register("Ab3$xyz", 1)).fieldErrors?.password).toEqual(["auth.validation.passwordTooShort"]);
    expect(await register("tulip-88", 2)).toMatchObject({ ok: true });
    const passphrase = "correct horse battery staple and a long quiet harbour at dawn!!!";
    expect(passphrase).toHaveLength(64);
    expect(await register(passphrase, 3)).toMatchObject({ ok: true });
    expect(await register(`${passphrase}${"x".repeat(100)}`, 4)).toMatchObject({ ok: true });
    const common = commonPasswords.filter((p) => p.length >= 8).slice(0, 3);
    expect(common.length).toBe(3);
    for (const [i, password] of common.entries()) {
      expect((await register(password.toUpperCase(), 10 + i)).fieldErrors?.password, password).toEqual(["auth.validation.passwordCommon"]);
    }
  });
});

describe("session invalidation", () => {
  async function tokenOf(userId: string) {
    const user = await w.db.user.findUniqueOrThrow({ where: { id: userId } });
    return { id: user.id, sessionVersion: user.sessionVersion };
  }
  async function sessionUserWith(token: { id: string; sessionVersion: number }) {
    actAs(token);
    const { getSessionUser } = await import("@/lib/auth/session");
    return getSessionUser();
  }
  async function jwtAccepts(token: { id: string; sessionVersion: number }) {
    const { authOptions } = await import("@/lib/auth/options");
    const jwt = authOptions.callbacks!.jwt! as (params: unknown) => Promise<unknown>;
    return Promise.resolve(jwt({ token: { userId: token.id, sessionVersion: token.sessionVersion }, account: null })).then(
      () => true,
      () => false,
    );
  }
  const owner = () => ({ userId: w.users.ownerA.id, email: w.users.ownerA.email, ip: "127.0.0.1", role: "OWNER" as const });

  it("a role change signs the member out at once (old token refused by the page guard and by next-auth's jwt callback)", async () => {
    const before = await tokenOf(w.users.devA.id);
    expect(await sessionUserWith(before)).toMatchObject({ email: w.users.devA.email });
    expect(await jwtAccepts(before)).toBe(true);
    const membership = await w.db.membership.findFirstOrThrow({ where: { userId: w.users.devA.id, merchantId: w.A.id } });
    const { changeMemberRole } = await import("@/lib/data/memberships");
    await changeMemberRole({ merchantId: w.A.id, membershipId: membership.id, role: "ANALYST", actor: owner() });
    expect(await sessionUserWith(before)).toBeNull();
    expect(await jwtAccepts(before)).toBe(false);
    expect(await sessionUserWith(await tokenOf(w.users.devA.id))).toMatchObject({ email: w.users.devA.email });
  });

  it("a password change signs every existing session out; the new password works, the old one does not", async () => {
    const before = await tokenOf(w.users.analystA.id);
    const { changePassword } = await import("@/lib/data/users");
    await changePassword({ userId: w.users.analystA.id, newPassword: "a brand new passphrase", actor: owner() });
    expect(await sessionUserWith(before)).toBeNull();
    expect(await jwtAccepts(before)).toBe(false);
    expect(await authorize({ email: w.users.analystA.email, password: "a brand new passphrase" }, from("192.0.2.200"))).toMatchObject({ id: w.users.analystA.id });
    expect(await authorize({ email: w.users.analystA.email, password: DEMO_PASSWORD }, from("192.0.2.201"))).toBeNull();
  });

  it("disabling an account signs it out and refuses its correct password", async () => {
    const before = await tokenOf(w.users.ownerB.id);
    const { setUserStatus } = await import("@/lib/data/users");
    await setUserStatus({ userId: w.users.ownerB.id, status: "DISABLED", actor: { userId: w.users.platformAdmin.id, email: w.users.platformAdmin.email, ip: "127.0.0.1" } });
    expect(await sessionUserWith(before)).toBeNull();
    // Even a token minted after the change (same version) is refused while the account is disabled.
    expect(await sessionUserWith(await tokenOf(w.users.ownerB.id))).toBeNull();
    await expect(authorize({ email: w.users.ownerB.email, password: DEMO_PASSWORD }, from("192.0.2.210"))).rejects.toThrow("AccountDisabled");
  });
});

describe("session cookies over https (next-auth's own request handler with the app's options)", () => {
  it("are HttpOnly, SameSite=Lax, Secure and __Secure-/__Host- prefixed when NEXTAUTH_URL is https", async () => {
    const saved = { url: process.env.NEXTAUTH_URL, secret: process.env.NEXTAUTH_SECRET };
    process.env.NEXTAUTH_URL = "https://skillgate.example";
    process.env.NEXTAUTH_SECRET = "test-secret-for-cookie-flags-0123456789";
    vi.resetModules();
    try {
      // What app/api/auth/[...nextauth]/route.ts runs (next-auth's NextAuthRouteHandler), minus its
      // CommonJS require of next/headers: next-auth's own AuthHandler with the app's authOptions,
      // its response turned into a web Response by next-auth's own toResponse.
      const { authOptions } = await import("@/lib/auth/options");
      expect(authOptions.useSecureCookies).toBe(true);
      // Not in next-auth's package exports: loaded by path, the very modules the route handler runs.
      const load = createRequire(import.meta.url);
      const { AuthHandler } = load(path.join(projectRoot, "node_modules/next-auth/core/index.js")) as { AuthHandler: (params: unknown) => Promise<unknown> };
      const { toResponse } = load(path.join(projectRoot, "node_modules/next-auth/next/utils.js")) as { toResponse: (r: unknown) => Response };
      const call = async (action: string, providerId: string | undefined, init: { method: string; cookies?: Record<string, string>; body?: Record<string, string> }) =>
        toResponse(
          await AuthHandler({
            req: { method: init.method, action: action as never, providerId, body: init.body, query: {}, cookies: init.cookies ?? {}, headers: { host: "skillgate.example", "x-forwarded-for": "192.0.2.250" } },
            options: { ...authOptions, secret: process.env.NEXTAUTH_SECRET },
          }),
        );
      const csrf = await call("csrf", undefined, { method: "GET" });
      const csrfCookies = csrf.headers.getSetCookie();
      const csrfCookie = csrfCookies.find((c) => c.startsWith("__Host-next-auth.csrf-token="));
      expect(csrfCookie, csrfCookies.join("\n")).toBeDefined();
      expect(csrfCookie).toMatch(/;\s*HttpOnly/i);
      expect(csrfCookie).toMatch(/;\s*SameSite=Lax/i);
      expect(csrfCookie).toMatch(/;\s*Secure/i);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const [name, ...value] = csrfCookie!.split(";")[0]!.split("=");

      const signIn = await call("callback", "credentials", {
        method: "POST",
        cookies: { [name!]: decodeURIComponent(value.join("=")) },
        body: { csrfToken, email: w.users.reviewer.email, password: DEMO_PASSWORD, callbackUrl: "https://skillgate.example/" },
      });
      const cookies = signIn.headers.getSetCookie();
      const session = cookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
      expect(session, `status ${signIn.status}: ${cookies.join("\n")}`).toBeDefined();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*Path=\//i);
      // Nothing is ever set without the flags.
      for (const cookie of [...csrfCookies, ...cookies].filter((c) => /next-auth/.test(c))) expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      process.env.NEXTAUTH_URL = saved.url;
      process.env.NEXTAUTH_SECRET = saved.secret;
      if (saved.url === undefined) delete process.env.NEXTAUTH_URL;
      if (saved.secret === undefined) delete process.env.NEXTAUTH_SECRET;
      vi.resetModules();
    }
  });
});

describe("secrets at rest", () => {
  it("API keys are stored only as their SHA-256 (no table holds a key in clear)", async () => {
    const secrets = [w.B.analyticsKey, ...demoApiKeys.map((k) => k.secret)];
    for (const secret of secrets) {
      expect(await tablesContaining(secret), secret.slice(0, 12)).toEqual({});
      const hash = createHash("sha256").update(secret).digest("hex");
      const { rows } = await w.client.query(`SELECT count(*)::int n FROM "ApiKey" WHERE hash = $1`, [hash]);
      expect(rows[0].n, secret.slice(0, 12)).toBe(1);
    }
  });

  it("merchant MCP bearer tokens are stored only sealed (AES-GCM), and open with the key", async () => {
    expect(await tablesContaining(PLAINTEXT_BEARER)).toEqual({});
    const { rows } = await w.client.query(`SELECT "authSecretEnc" FROM "IntegrationVersion" WHERE id = $1`, [w.A.mcpDraftVersionId]);
    expect(decryptSecret(rows[0].authSecretEnc)).toBe(PLAINTEXT_BEARER);
  });

  it("webhook signing secrets are returned once and stored only sealed", async () => {
    const { createWebhookEndpoint } = await import("@/lib/data/webhooks");
    const actor = { userId: w.users.ownerA.id, email: w.users.ownerA.email, ip: "127.0.0.1" };
    const { endpointId, secret } = await createWebhookEndpoint({ merchantId: w.A.id, actor, url: "https://hooks.lumen.example/skillgate", description: "at-rest test", events: [] });
    expect(secret.length).toBeGreaterThan(20);
    expect(await tablesContaining(secret)).toEqual({});
    expect(await tablesContaining(secret.replace(/^whsec_/, ""))).toEqual({});
    const { rows } = await w.client.query(`SELECT "secretEnc" FROM "WebhookEndpoint" WHERE id = $1`, [endpointId]);
    expect(decryptSecret(rows[0].secretEnc)).toBe(secret);
  });
});
