import { expect, test } from "./support/fixtures";

const ownerNav = ["Overview", "Attribution", "Orders", "Screen reading", "Integrations", "Visibility", "Revenue share", "Developers", "Settings"];

const merchantRoles = [
  { email: "owner@lumen.demo", nav: ownerNav },
  { email: "admin@lumen.demo", nav: ownerNav },
  { email: "dev@lumen.demo", nav: ["Overview", "Attribution", "Orders", "Screen reading", "Integrations", "Visibility", "Developers"] },
  { email: "analyst@lumen.demo", nav: ["Overview", "Attribution", "Orders", "Screen reading", "Revenue share"] },
];

for (const { email, nav } of merchantRoles) {
  test(`${email} lands on the merchant overview with the navigation of the role`, async ({ signInAs }) => {
    const page = await signInAs(email);
    await page.goto("/");
    await expect(page).toHaveURL(/\/m\/lumen-coffee\/overview$/);
    const links = page.getByRole("navigation", { name: "Merchant navigation" }).getByRole("link");
    await expect(links).toHaveText(nav);
    await expect(page.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  });
}

test("a reviewer lands in the review console and sees only the review navigation", async ({ signInAs }) => {
  const page = await signInAs("reviewer@skillgate.demo");
  await page.goto("/");
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("navigation", { name: "Review navigation" }).getByRole("link")).toHaveText(["Review queue", "History"]);
  await expect(page.getByRole("navigation", { name: "Merchant navigation" })).toHaveCount(0);
});

test("a platform admin lands in the admin area and sees the agents catalogue", async ({ signInAs }) => {
  const page = await signInAs("admin@skillgate.demo");
  await page.goto("/");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("navigation", { name: "Admin navigation" }).getByRole("link")).toHaveText(["Agents", "Users", "Audit log", "Revenue rules", "Statements"]);
  await expect(page.getByRole("rowheader", { name: /Aurora Assistant/ })).toBeVisible();
});

test("a user of two merchants switches between them and keeps the section", async ({ signInAs }) => {
  const page = await signInAs("owner@lumen.demo");
  await page.goto("/m/lumen-coffee/attribution");
  await page.getByRole("button", { name: /Switch merchant/ }).click();
  await page.getByRole("link", { name: /DayMart/ }).click();
  await expect(page).toHaveURL(/\/m\/daymart\/attribution$/);
  await expect(page.getByRole("navigation", { name: "Merchant navigation" }).getByRole("link")).toHaveCount(9);
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/m/lumen-coffee/overview");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a page view sends no prefetches, and a click loads only the next page's RSC payload", async ({ signInAs }) => {
  const page = await signInAs("owner@lumen.demo");
  const rscRequests: Array<{ url: string; prefetch: boolean }> = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers.rsc === "1") rscRequests.push({ url: request.url(), prefetch: headers["next-router-prefetch"] === "1" });
  });
  await page.goto("/m/lumen-coffee/orders");
  await expect(page.getByRole("table")).toBeVisible();
  await page.mouse.move(10, 10);
  await page.getByRole("navigation", { name: "Merchant navigation" }).getByRole("link", { name: "Attribution" }).hover();
  await page.waitForTimeout(1_000); // time for any prefetch of the visible (and hovered) links to go out
  expect(rscRequests).toEqual([]);

  await page.getByRole("navigation", { name: "Merchant navigation" }).getByRole("link", { name: "Attribution" }).click();
  await expect(page).toHaveURL(/\/m\/lumen-coffee\/attribution$/);
  await expect(page.getByRole("heading", { level: 1, name: "Attribution" })).toBeVisible();
  expect(rscRequests.map((r) => [new URL(r.url).pathname, r.prefetch])).toEqual([["/m/lumen-coffee/attribution", false]]);
});
