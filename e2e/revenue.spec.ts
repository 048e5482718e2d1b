import { expect, test } from "./support/fixtures";

// Revenue share end to end: the owner previews a rate change for one agent (and sees the preview's
// numbers), schedules it effective today (from 00:00 China time, the earliest the rules allow),
// then orders arrive through the ingest API from before and after that instant; the month's
// statement books the first at the old rate and the second at the new one, and its CSV shows
// each order's fee.
//
// Lumen Coffee's screen-reading rule is 3 %; the change is an OpenClaw override of 10 % + ¥0.05.
// Orders of ¥100: before → 300 fen, after → 1 005 fen.

const INGEST_KEY = "sg_ingest_demo_00000000000000000000000000000000";
const HOUR = 3_600_000;
const shanghaiToday = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
const shanghaiMonth = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 7);
const fenOf = (text: string) => BigInt(text.replace(/[¥,\s]/g, "").replace(".", ""));

test("schedule a rate change after a preview, ingest orders on both sides of it, see both in the statement", async ({ signInAs }) => {
  test.setTimeout(180_000);
  const page = await signInAs("owner@lumen.demo");
  const today = shanghaiToday();
  const effectiveFrom = new Date(`${today}T00:00:00+08:00`);
  const before = new Date(effectiveFrom.getTime() - HOUR / 2);
  const after = new Date(effectiveFrom.getTime() + 60_000);
  const months = [...new Set([shanghaiMonth(before), shanghaiMonth(after)])];
  const run = Date.now().toString(36);

  /** OpenClaw's AI · Screen reading platform share on a month's statement, in fen (0 without a line). */
  async function openClawShare(month: string): Promise<bigint> {
    await page.goto(`/m/lumen-coffee/revenue/statements/${month}`);
    const row = page.getByTestId("statement-lines").getByRole("row").filter({ has: page.getByRole("rowheader", { name: "AI · Screen reading" }) }).filter({ hasText: "OpenClaw" });
    if ((await row.count()) === 0) return 0n;
    return fenOf((await row.locator('[data-field="platformShareFen"]').textContent()) ?? "");
  }
  const shareBefore = new Map<string, bigint>();
  for (const month of months) shareBefore.set(month, await openClawShare(month));

  // Preview, then schedule.
  // An empty rate first: the inline refusal shows the form is live (hydrated) before we fill it.
  await expect(async () => {
    await page.goto("/m/lumen-coffee/revenue");
    await expect(page.getByRole("heading", { level: 1, name: "Revenue share" })).toBeVisible();
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Enter a rate from 0 to 100 with at most two decimals.")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await page.getByLabel("Channel", { exact: true }).selectOption("AI_SCREEN_READ");
  await page.getByLabel("Agent override").selectOption({ label: "OpenClaw" });
  await page.getByLabel("Rate (%)").fill("10");
  await page.getByLabel("Fixed fee per order (¥)").fill("0.05");
  await expect(page.getByLabel("Effective from (Asia/Shanghai)")).toHaveValue(today);
  const schedule = page.getByRole("button", { name: "Schedule change" });
  await expect(schedule).toBeDisabled();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /^What-if: orders from/ })).toBeVisible();
  const actual = fenOf((await page.getByTestId("preview-actual").textContent()) ?? "");
  const proposed = fenOf((await page.getByTestId("preview-proposed").textContent()) ?? "");
  expect(proposed).toBeGreaterThan(actual); // 10 % + ¥0.05 instead of 3 % on OpenClaw's orders
  await expect(page.getByTestId("preview-difference")).toHaveText(`+¥${((proposed - actual) / 100n).toLocaleString("en-US")}.${((proposed - actual) % 100n).toString().padStart(2, "0")}`);
  await expect(page.getByRole("figure", { name: "Cost by channel and agent: actual vs proposed" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "AI · Screen reading · OpenClaw", includeHidden: true })).toBeAttached();

  await expect(schedule).toBeEnabled();
  await schedule.click();
  await expect(page.getByRole("status").filter({ hasText: `Change scheduled from ${today}.` })).toBeVisible();
  await page.reload();
  const current = page.getByTestId("rules-current").getByRole("row").filter({ hasText: "OpenClaw" });
  await expect(current).toContainText("10%");
  await expect(current).toContainText("¥0.05");
  await expect(current).toContainText("In effect");

  // A past date is refused with a clear message.
  await page.getByLabel("Rate (%)").fill("4");
  await page.getByLabel("Effective from (Asia/Shanghai)").fill("2020-01-01");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-actual")).toBeVisible();
  await page.getByRole("button", { name: "Schedule change" }).click();
  await expect(page.getByText(/The effective date is in the past/).first()).toBeVisible();

  // Orders from before and after the change's start, through the ingest API.
  const created = (externalId: string, at: Date) => ({ type: "CREATED", merchant: "lumen-coffee", externalId, channel: "AI_SCREEN_READ", agent: "openclaw", paymentMethod: "AI_WALLET", amountFen: 10_000, occurredAt: at.toISOString() });
  const response = await page.request.post("/api/v1/events/orders", {
    headers: { authorization: `Bearer ${INGEST_KEY}` },
    data: { events: [created(`e2e-before-${run}`, before), created(`e2e-after-${run}`, after)] },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 2 });

  // The statement(s): OpenClaw's share grows by exactly 300 + 1 005 fen, and the CSV shows each fee.
  let delta = 0n;
  const fees = new Map<string, string>();
  for (const month of months) {
    delta += (await openClawShare(month)) - shareBefore.get(month)!;
    const csv = await (await page.request.get(`/m/lumen-coffee/revenue/statements/${month}/export`)).text();
    for (const line of csv.split("\r\n").filter((l) => l.startsWith("entry,") && l.includes(`-${run}`))) {
      const cells = line.split(",");
      fees.set(cells[5]!, cells[11]!);
    }
  }
  expect(delta).toBe(1_305n);
  expect(Object.fromEntries(fees)).toEqual({ [`e2e-before-${run}`]: "3.00", [`e2e-after-${run}`]: "10.05" });

  // The printable page of the month with the new order.
  await page.goto(`/m/lumen-coffee/revenue/statements/${shanghaiMonth(after)}`);
  await page.getByRole("link", { name: "Printable version" }).click();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByTestId("statement-netPayoutFen")).toHaveText(/^¥/);
});

test("a closed month is frozen and verifies against the orders; an analyst sees rules read-only", async ({ signInAs }) => {
  const page = await signInAs("analyst@lumen.demo", { language: "zh-CN" });
  await page.goto("/m/lumen-coffee/revenue/statements");
  const closed = page.getByTestId("statements-list").getByRole("row").filter({ hasText: "已于" }).first();
  await closed.getByRole("link").click();
  await expect(page.getByTestId("statement-status")).toContainText("已于");
  await page.getByRole("button", { name: "核对" }).click();
  await expect(page.getByTestId("verify-result")).toHaveText(/完全一致/);

  await page.goto("/m/lumen-coffee/revenue");
  await expect(page.getByText("你可以查看规则和结算单")).toBeVisible();
  await expect(page.getByRole("button", { name: "排期调整" })).toHaveCount(0);
  await expect(page.getByTestId("rules-scheduled")).toBeVisible();
});
