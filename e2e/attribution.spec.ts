import { readFile } from "node:fs/promises";
import { expect, test, type Language } from "./support/fixtures";

// Overview → attribution (group-by through the GET form) → drill-down into the order explorer →
// filter → streamed CSV export, once per language. Counts are compared across the pages.
const words = {
  en: { overview: "Overview", openAttribution: "Open attribution", groupBy: "Group by", apply: "Apply", standard: "Standard", viewOrders: "View orders", channel: "Channel", skill: "AI · Skill/MCP", applyFilters: "Apply filters", exportCsv: "Export CSV" },
  "zh-CN": { overview: "概览", openAttribution: "打开归因分析", groupBy: "分组方式", apply: "应用", standard: "普通支付", viewOrders: "查看订单", channel: "渠道", skill: "AI · Skill/MCP", applyFilters: "筛选", exportCsv: "导出 CSV" },
} as const satisfies Record<Language, Record<string, string>>;

for (const language of ["en", "zh-CN"] as const) {
  test(`attribution to orders to CSV, in ${language}`, async ({ signInAs }) => {
    // Six server-rendered pages and a download: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    const w = words[language];
    const page = await signInAs("analyst@lumen.demo", { language });

    await page.goto("/m/lumen-coffee/overview");
    await expect(page.getByRole("heading", { level: 1, name: w.overview })).toBeVisible();
    await expect(page.getByTestId("ai-share")).toHaveText(/%$/);

    await page.getByRole("link", { name: w.openAttribution }).click();
    await expect(page).toHaveURL(/\/m\/lumen-coffee\/attribution$/);
    await page.getByLabel(w.groupBy).selectOption("payment_method");
    await page.getByRole("button", { name: w.apply, exact: true }).click();
    await expect(page).toHaveURL(/groupBy=payment_method/);
    await expect(page.getByRole("rowheader", { name: w.standard })).toBeVisible();
    const attributed = Number(await page.getByTestId("orders-STANDARD").textContent());
    expect(attributed).toBeGreaterThan(0);

    await page.getByRole("link", { name: `${w.viewOrders} — ${w.standard}` }).click();
    await expect(page).toHaveURL(/\/orders\?.*paymentMethod=STANDARD/);
    await expect(page).toHaveURL(/status=NOT_CANCELLED/);
    await expect(page.getByTestId("order-count")).toHaveAttribute("data-count", String(attributed));

    await page.getByLabel(w.channel, { exact: true }).selectOption("AI_SKILL");
    await page.getByRole("button", { name: w.applyFilters }).click();
    await expect(page).toHaveURL(/channel=AI_SKILL/);
    const count = Number(await page.getByTestId("order-count").getAttribute("data-count"));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(attributed);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: w.exportCsv }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, "utf8")).split("\r\n").filter(Boolean);
    expect(lines.length - 1).toBe(count);
    expect(lines[0]).toContain("amount_yuan");
    await expect(page.getByTestId("export-status")).toHaveAttribute("data-rows", String(count));
  });
}
