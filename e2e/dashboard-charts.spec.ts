import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

// The dashboards' charts are drawn in the browser only (components/charts/charts.tsx): the server
// sends each figure's title and data table plus a box of the chart's height, and recharts loads
// afterwards. The page must be complete without the drawing, and must not move when it appears.
for (const path of ["/m/lumen-coffee/overview", "/m/lumen-coffee/attribution"]) {
  test(`charts on ${path} are drawn in the browser into boxes the server sized`, async ({ signInAs }) => {
    const page = await signInAs("owner@lumen.demo");

    const html = await (await page.request.get(path)).text();
    expect(html).not.toContain("recharts-wrapper");
    const boxes = [...html.matchAll(/<div aria-hidden="true"><div style="height:(\d+)px">/g)].map((m) => Number(m[1]));
    expect(boxes.length).toBeGreaterThan(0);
    expect(html).toMatch(/<table[^>]*>.*?<caption class="sr-only">/s); // the data table, server-rendered

    await page.goto(path);
    const charts = page.locator("figure .recharts-wrapper");
    await expect(charts).toHaveCount(boxes.length);
    const drawn = await page.locator("figure > div[aria-hidden=true] > div").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    expect(drawn).toEqual(boxes);

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
}
