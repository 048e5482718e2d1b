// Security properties that need the real production server: every merchant page discovered in
// app/ answers 404 to a member of another merchant (with merchant A's real object ids from the e2e
// database), every discovered page carries the security headers, a server action replayed with a
// foreign Origin is refused by Next.js while the same request from our own origin works, and the
// session cookie is HttpOnly and SameSite=Lax. The page list comes from tests/security/inventory.ts,
// so a new page is visited without anyone adding it here.
import pg from "pg";
import { discoverPages, type PageInfo } from "../tests/security/inventory";
import { e2eBaseUrl, e2eDatabaseUrl } from "./support/environment";
import { expect, signInThroughApi, test } from "./support/fixtures";

const A = "lumen-coffee";

// Which of merchant A's rows a dynamic segment names, by route and param ("[id]" under orders is an
// order id, under integrations an integration id). A new dynamic page without an entry fails below.
const PARAM_SQL: Record<string, string> = {
  "/m/[merchant]/integrations/[id]:id": `SELECT i.id FROM "Integration" i JOIN "Merchant" m ON m.id = i."merchantId" WHERE m.slug = $1 ORDER BY i.id LIMIT 1`,
  "/m/[merchant]/orders/[id]:id": `SELECT o.id::text AS id FROM "Order" o JOIN "Merchant" m ON m.id = o."merchantId" WHERE m.slug = $1 ORDER BY o.id LIMIT 1`,
  "/m/[merchant]/developers/webhooks/[endpointId]:endpointId": `SELECT coalesce((SELECT w.id FROM "WebhookEndpoint" w JOIN "Merchant" m ON m.id = w."merchantId" WHERE m.slug = $1 LIMIT 1), 'no-endpoint') AS id`,
  "/m/[merchant]/revenue/statements/[period]:period": `SELECT to_char(now() - interval '1 month', 'YYYY-MM') AS id`,
  "/print/statements/[merchant]/[period]:period": `SELECT to_char(now() - interval '1 month', 'YYYY-MM') AS id`,
  "/review/[versionId]:versionId": `SELECT v.id FROM "IntegrationVersion" v JOIN "Merchant" m ON m.id = v."merchantId" WHERE m.slug = $1 ORDER BY v.id LIMIT 1`,
  "/admin/revenue/[merchant]:merchant": `SELECT $1::text AS id`,
  "/invite/[token]:token": `SELECT 'not-a-real-invitation-token-0000000000' AS id`,
};

async function urlsOf(pages: PageInfo[]): Promise<{ urls: Map<string, string>; missing: string[] }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  const urls = new Map<string, string>();
  const missing: string[] = [];
  try {
    for (const page of pages) {
      let url = page.route;
      for (const param of page.params) {
        if (param === "merchant" && page.area === "merchant") {
          url = url.replace("[merchant]", A);
          continue;
        }
        const sql = PARAM_SQL[`${page.route}:${param}`];
        if (!sql) {
          missing.push(`${page.route} [${param}]`);
          continue;
        }
        const { rows } = await client.query<{ id: string }>(sql, sql.includes("$1") ? [A] : []);
        url = url.replace(`[${param}]`, encodeURIComponent(rows[0]?.id ?? "none"));
      }
      urls.set(page.route, url);
    }
  } finally {
    await client.end();
  }
  return { urls, missing };
}

const pages = discoverPages();

test("every merchant page of A, with A's real object ids, is a 404 for a member of B", async ({ context }) => {
  const merchantPages = pages.filter((p) => p.area === "merchant");
  const { urls, missing } = await urlsOf(merchantPages);
  expect(missing, "dynamic segments without a fixture in PARAM_SQL (e2e/security.spec.ts)").toEqual([]);
  await signInThroughApi(context.request, "owner@swiftride.demo");
  const visited: string[] = [];
  for (const page of merchantPages) {
    const url = urls.get(page.route)!;
    const response = await context.request.get(url);
    const body = await response.text();
    expect(response.status(), url).toBe(404);
    expect(body, url).not.toContain("Lumen Coffee");
    visited.push(url);
  }
  console.info(`[isolation e2e] ${visited.length} merchant page URLs of ${A} answered 404 to SwiftRide's owner`);
  // The control: B's own pages open.
  expect((await context.request.get("/m/swiftride/overview")).status()).toBe(200);
});

test("every page is sent with the security headers (CSP with frame-ancestors 'none', no framing, referrer policy, nosniff)", async ({ browser }) => {
  const { urls, missing } = await urlsOf(pages);
  expect(missing, "dynamic segments without a fixture in PARAM_SQL (e2e/security.spec.ts)").toEqual([]);
  // Each area as a user who may open it, so the headers of real pages (not only 403/404s) are checked.
  const viewer: Record<PageInfo["area"], string | null> = { merchant: "owner@lumen.demo", review: "reviewer@skillgate.demo", admin: "admin@skillgate.demo", auth: null, public: null, api: null };
  const statuses: string[] = [];
  for (const [area, email] of Object.entries(viewer)) {
    const areaPages = pages.filter((p) => p.area === area);
    if (!areaPages.length) continue;
    const context = await browser.newContext({ baseURL: e2eBaseUrl });
    try {
      if (email) await signInThroughApi(context.request, email);
      for (const page of areaPages) {
        const url = urls.get(page.route)!;
        const response = await context.request.get(url, { maxRedirects: 0 });
        const headers = response.headers();
        expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
        expect(headers["content-security-policy"], url).toContain("default-src 'self'");
        expect(headers["x-frame-options"], url).toBe("DENY");
        expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
        expect(headers["x-content-type-options"], url).toBe("nosniff");
        statuses.push(`${url} ${response.status()}`);
      }
    } finally {
      await context.close();
    }
  }
  expect(statuses).toHaveLength(pages.length);
  console.info(`[headers e2e] ${statuses.length} pages: ${statuses.join(", ")}`);
});

test("a server action replayed with a foreign Origin is refused; the same request from our origin works", async ({ signInAs }) => {
  const page = await signInAs("owner@lumen.demo");
  await page.goto(`/m/${A}/visibility`);
  const rules = page.getByRole("region", { name: "Page path rules" });
  await rules.getByLabel("Path pattern").fill("/origin-control/**");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    rules.getByRole("button", { name: "Add path rule" }).click(),
  ]);
  await expect(rules.getByRole("status")).toContainText("Rule added");
  const original = request.postDataBuffer()!.toString("latin1");
  expect(original).toContain("/origin-control/**");
  const replay = (pattern: string, origin: string) => {
    const headers = request.headers();
    return page.context().request.post(request.url(), {
      headers: {
        accept: headers["accept"] ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
        origin,
      },
      data: Buffer.from(original.replace("/origin-control/**", pattern), "latin1"),
      maxRedirects: 0,
    });
  };
  const forged = await replay("/origin-forged/**", "https://evil.example");
  expect(forged.status(), "foreign Origin").toBeGreaterThanOrEqual(400);
  const own = await replay("/origin-replay/**", e2eBaseUrl);
  expect(own.status(), "own Origin").toBe(200);

  await page.reload();
  await expect(rules.getByRole("cell", { name: "/origin-replay/**", exact: true })).toBeVisible();
  await expect(rules.getByRole("cell", { name: "/origin-forged/**", exact: true })).toHaveCount(0);
});

test("the session cookie is HttpOnly and SameSite=Lax (Secure comes with an https NEXTAUTH_URL; see tests/security/auth-hardening)", async ({ context, signInAs }) => {
  await signInAs("analyst@lumen.demo");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, cookies.map((c) => c.name).join(", ")).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"));
  expect(csrf).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
