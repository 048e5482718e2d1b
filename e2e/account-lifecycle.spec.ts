import { expect, setLanguage, signInThroughApi, test } from "./support/fixtures";

test("a user registers with a merchant of their own, and is signed out the moment an admin disables them", async ({ page, context, browser }) => {
  const run = Date.now().toString(36);
  const email = `e2e-${run}@example.com`;
  const name = `E2E Owner ${run}`;
  const password = "a quiet harbour at dawn";

  await setLanguage(context, "en");
  await page.goto("/register");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Also create a merchant, with me as its owner").check();
  await page.getByLabel("Merchant name").fill(`Shop ${run}`);
  await page.getByLabel("Merchant address").fill(`shop-${run}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`/m/shop-${run}/overview$`));
  await expect(page.getByRole("navigation", { name: "Merchant navigation" }).getByRole("link")).toHaveCount(9);

  const admin = await browser.newContext();
  try {
    await setLanguage(admin, "en");
    await signInThroughApi(admin.request, "admin@skillgate.demo");
    const adminPage = await admin.newPage();
    await adminPage.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await adminPage.getByRole("button", { name: `Disable ${name}` }).click();
    await expect(adminPage.getByRole("button", { name: `Enable ${name}` })).toBeVisible();
  } finally {
    await admin.close();
  }

  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  const session = await (await context.request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();
});
