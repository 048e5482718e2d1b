import { expect, test } from "./support/fixtures";

test("the shell speaks Chinese by default and switches to English, and the choice sticks", async ({ signInAs, context }) => {
  await context.clearCookies();
  const page = await signInAs("analyst@lumen.demo", { language: "zh-CN" });
  await page.goto("/m/lumen-coffee/overview");
  const zhNav = page.getByRole("navigation", { name: "商户导航" });
  await expect(zhNav.getByRole("link", { name: "概览" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByLabel("语言").selectOption("en");
  const enNav = page.getByRole("navigation", { name: "Merchant navigation" });
  await expect(enNav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(enNav.getByRole("link", { name: "Attribution" })).toBeVisible();

  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(zhNav.getByRole("link", { name: "归因分析" })).toBeVisible();
});
