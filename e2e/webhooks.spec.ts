import http from "node:http";
import { Webhook } from "standardwebhooks";
import { e2eWebhookPort } from "./support/environment";
import { expect, setLanguage, test } from "./support/fixtures";

// Webhooks as a merchant owner uses them, against a receiver on loopback (allow-listed for the
// e2e server by scripts/e2e/serve.ts): add an endpoint and see its secret once, send a test
// event, find it in the delivery log with the receiver's response code and verify its signature
// with the standardwebhooks library; an endpoint that keeps failing is disabled and the owner's
// notification bell says so.

type Received = { path: string; headers: Record<string, string>; body: string };
const received: Received[] = [];
let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = req.url?.startsWith("/fail") ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(e2eWebhookPort, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const receiverUrl = (path: string) => `http://127.0.0.1:${e2eWebhookPort}${path}`;

test("an owner adds an endpoint, sees the secret once, sends a test event and finds it delivered and verifiable", async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs("owner@lumen.demo");
  await page.goto("/m/lumen-coffee/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Developers" })).toBeVisible();

  const url = receiverUrl(`/ok/${Date.now().toString(36)}`);
  const form = page.getByRole("region", { name: "Add an endpoint" });
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("Choose at least one event.")).toBeVisible();
  await form.getByLabel("Endpoint URL").fill("http://10.0.0.8/hooks");
  await form.getByRole("checkbox", { name: /A version went live/ }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("Use https.")).toBeVisible();
  await expect(form.getByRole("checkbox", { name: /A version went live/ })).toBeChecked();

  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByRole("checkbox", { name: /Drift detected/ }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("Endpoint added.")).toBeVisible();
  const secret = await form.getByTestId("webhook-secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

  // Shown once: after a reload the secret is nowhere on the page.
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const endpoints = page.getByRole("region", { name: "Webhook endpoints" });
  const row = endpoints.getByRole("row").filter({ hasText: url });
  await expect(row.getByText("integration.drift_detected")).toBeVisible();
  await row.getByRole("button", { name: `Send a test event to ${url}` }).click();
  await expect(row.getByText(/Test event queued/)).toBeVisible();

  await row.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
  const delivery = page.getByTestId("delivery-row").first();
  await expect(async () => {
    await page.reload();
    await expect(delivery.getByText("Delivered")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(delivery.getByRole("cell", { name: "200", exact: true })).toBeVisible();
  await expect(delivery.getByText("webhook.test")).toBeVisible();

  const hit = received.find((r) => url.endsWith(r.path));
  expect(hit, "the receiver got the test event").toBeDefined();
  const event = new Webhook(secret).verify(hit!.body, hit!.headers) as { type: string };
  expect(event.type).toBe("webhook.test");
  await expect(delivery.getByText(hit!.headers["webhook-id"]!)).toBeVisible();

  // Redeliver: a new row with the same message id.
  await delivery.getByRole("button", { name: /Redeliver message/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("delivery-row")).toHaveCount(2, { timeout: 1_000 });
    await expect(page.getByTestId("delivery-row").first().getByText("Delivered")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(received.filter((r) => url.endsWith(r.path)).map((r) => r.headers["webhook-id"])).toEqual([hit!.headers["webhook-id"], hit!.headers["webhook-id"]]);
});

test("an endpoint that keeps failing is disabled and the owner's bell shows the notification", async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs("owner@lumen.demo");
  await page.goto("/m/lumen-coffee/developers");
  const badge = page.getByTestId("notifications-badge");
  const unreadBefore = (await badge.count()) ? Number(await badge.textContent()) : 0;

  const url = receiverUrl(`/fail/${Date.now().toString(36)}`);
  const form = page.getByRole("region", { name: "Add an endpoint" });
  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByRole("checkbox", { name: /A monthly statement is ready/ }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("Endpoint added.")).toBeVisible();

  const row = page.getByRole("region", { name: "Webhook endpoints" }).getByRole("row").filter({ hasText: url });
  const send = row.getByRole("button", { name: `Send a test event to ${url}` });
  await send.click();
  await expect(row.getByText(/Test event queued/)).toBeVisible();
  await send.click();

  // The e2e server retries once after a second and disables after two failed deliveries.
  await expect(async () => {
    await page.reload();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await expect(badge).toHaveText(String(unreadBefore + 1));

  const bell = page.getByRole("button", { name: /unread notification/ });
  await bell.click();
  const panel = page.getByRole("region", { name: "Notifications" });
  const item = panel.getByRole("button", { name: new RegExp(`Webhook endpoint ${url.replaceAll("/", "\\/").replaceAll(".", "\\.")} was disabled after 2 failed deliveries`) });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(/\/m\/lumen-coffee\/developers$/);
  if (unreadBefore === 0) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveText(String(unreadBefore));

  // The delivery log shows both failed deliveries with the receiver's 500 and two attempts each.
  await row.getByRole("link", { name: url }).click();
  const deliveries = page.getByTestId("delivery-row");
  await expect(deliveries).toHaveCount(2);
  for (const d of await deliveries.all()) {
    await expect(d.getByText("Failed")).toBeVisible();
    await expect(d.getByRole("cell", { name: "500", exact: true })).toBeVisible();
    await expect(d.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  }
});

test("the developers page and the notification panel speak Chinese", async ({ signInAs, context }) => {
  await setLanguage(context, "zh-CN");
  const page = await signInAs("owner@lumen.demo", { language: "zh-CN" });
  await page.goto("/m/lumen-coffee/developers");
  await expect(page.getByRole("heading", { level: 1, name: "开发者" })).toBeVisible();
  await expect(page.getByRole("region", { name: "添加端点" })).toBeVisible();
  await page.getByTestId("notifications-bell").click();
  await expect(page.getByRole("region", { name: "通知" })).toBeVisible();
});
