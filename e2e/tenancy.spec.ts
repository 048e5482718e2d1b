import { expect, test } from "./support/fixtures";

test("a merchant cannot open another merchant's pages: 404, and nothing of theirs shows", async ({ signInAs }) => {
  const page = await signInAs("owner@swiftride.demo");
  for (const section of ["overview", "integrations", "settings"]) {
    const response = await page.goto(`/m/lumen-coffee/${section}`);
    expect(response?.status(), section).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(/Lumen/)).toHaveCount(0);
  }
  const own = await page.goto("/m/swiftride/overview");
  expect(own?.status()).toBe(200);
});

test("roles are enforced on the server: an analyst cannot open settings, a merchant cannot open the review console", async ({ signInAs }) => {
  const page = await signInAs("analyst@lumen.demo");
  const settings = await page.goto("/m/lumen-coffee/settings");
  expect(settings?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();

  const review = await page.goto("/review");
  expect(review?.status()).toBe(403);
  const admin = await page.goto("/admin");
  expect(admin?.status()).toBe(403);
});

test("a reviewer cannot reach merchant settings", async ({ signInAs }) => {
  const page = await signInAs("reviewer@skillgate.demo");
  const response = await page.goto("/m/lumen-coffee/settings");
  expect(response?.status()).toBe(404);
});
