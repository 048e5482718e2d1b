import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, setLanguage, test } from "./support/fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const language of ["en", "zh-CN"] as const) {
  test(`the sign-in page has no serious accessibility violations (${language})`, async ({ page, context }) => {
    await setLanguage(context, language);
    await page.goto("/sign-in");
    await expect(page.getByRole("button").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the merchant shell has no serious accessibility violations", async ({ signInAs }) => {
  const page = await signInAs("owner@lumen.demo");
  await page.goto("/m/lumen-coffee/overview");
  await expect(page.getByRole("navigation", { name: "Merchant navigation" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the admin shell has no serious accessibility violations", async ({ signInAs }) => {
  const page = await signInAs("admin@skillgate.demo");
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Admin navigation" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
