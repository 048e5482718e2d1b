import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// The demo agent key (accepted in demo mode, which the e2e server runs in).
const agentKey = "sg_agent_demo_aurora_000000000000000000000000";

async function decide(request: APIRequestContext, path: string) {
  const query = new URLSearchParams({ merchant: "lumen-coffee", agent: "aurora", action: "screen_read", path });
  const response = await request.get(`/api/v1/policy/decision?${query}`, { headers: { authorization: `Bearer ${agentKey}` } });
  expect(response.status()).toBe(200);
  return response.json();
}

test("the owner denies /checkout/** and the decision API and the simulator deny it at once", async ({ signInAs, request }) => {
  const page = await signInAs("owner@lumen.demo");
  await page.goto("/m/lumen-coffee/visibility");
  await expect(page.getByRole("heading", { level: 1, name: "Visibility" })).toBeVisible();
  expect((await decide(request, "/checkout/pay")).allow).toBe(true);

  const rules = page.getByRole("region", { name: "Page path rules" });
  // A malformed pattern is refused inline, and kept in the box to be corrected.
  await rules.getByLabel("Path pattern").fill("/checkout-*");
  await rules.getByRole("button", { name: "Add path rule" }).click();
  await expect(rules.getByText('"*" must be a whole segment')).toBeVisible();
  await expect(rules.getByLabel("Path pattern")).toHaveAttribute("aria-invalid", "true");

  await rules.getByLabel("Path pattern").fill("/checkout/**");
  await rules.getByLabel("Effect").selectOption("DENY");
  await rules.getByRole("button", { name: "Add path rule" }).click();
  await expect(rules.getByRole("status")).toContainText("Rule added");
  await expect(rules.getByRole("cell", { name: "/checkout/**", exact: true })).toBeVisible();

  const denied = await decide(request, "/checkout/pay");
  expect(denied).toMatchObject({ allow: false, decision: "deny", reason: "path_denied", rule: { kind: "PATH", pattern: "/checkout/**" } });
  const menu = await decide(request, "/menu");
  expect(menu).toMatchObject({ allow: true, decision: "allow" });

  const simulator = page.getByRole("region", { name: "Simulator" });
  await simulator.getByLabel("Agent").selectOption({ label: "Aurora Assistant 极光助手" });
  await simulator.getByLabel("Action").selectOption("screen_read");
  for (const [path, api] of [["/checkout/pay", denied], ["/menu", menu]] as const) {
    await simulator.getByLabel("Page path").fill(path);
    await simulator.getByRole("button", { name: "Check" }).click();
    const result = simulator.getByTestId("simulator-result");
    await expect(result).toContainText(`${api.allow ? "Allowed" : "Denied"}`);
    await expect(result).toContainText(`Policy v${api.policyVersion}`);
    await expect(result).toContainText(path);
    if (api.rule) await expect(result).toContainText(api.rule.pattern);
  }

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").filter({ hasText: "Added Deny path /checkout/**" }).first()).toContainText("owner@lumen.demo");

  // Keyboard only: the remove button is reachable and works; the API allows again.
  const remove = rules.getByRole("button", { name: "Remove rule Deny /checkout/**" });
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(rules.getByRole("cell", { name: "/checkout/**", exact: true })).toHaveCount(0);
  expect((await decide(request, "/checkout/pay")).allow).toBe(true);
});

test("a developer reads the policy and uses the simulator but cannot change it", async ({ signInAs }) => {
  const page = await signInAs("dev@lumen.demo");
  await page.goto("/m/lumen-coffee/visibility");
  await expect(page.getByText("owners and admins change it")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add path rule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove rule/ })).toHaveCount(0);
  await expect(page.getByLabel("Allow agents to screen-read my pages")).toBeDisabled();

  const simulator = page.getByRole("region", { name: "Simulator" });
  await simulator.getByLabel("Agent").selectOption({ label: "Sandbox Tester (test)" });
  await simulator.getByLabel("Page path").fill("/menu");
  await simulator.getByRole("button", { name: "Check" }).click();
  await expect(simulator.getByTestId("simulator-result")).toContainText("Denied by a rule for this agent.");
});

for (const language of ["en", "zh-CN"] as const) {
  test(`the page reads in ${language} with no serious accessibility violations`, async ({ signInAs }) => {
    const page = await signInAs("owner@lumen.demo", { language });
    await page.goto("/m/lumen-coffee/visibility");
    await expect(page.getByRole("heading", { level: 1, name: language === "en" ? "Visibility" : "可见性" })).toBeVisible();
    await expect(page.getByRole("button", { name: language === "en" ? "Add path rule" : "添加路径规则" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
