import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { expect, test } from "./support/fixtures";

// The integration registry as a merchant developer uses it: register the official reference MCP
// server (started by playwright.config.ts on 127.0.0.1:3901, allow-listed for the e2e server),
// watch its validation to the end, read the report and tools; import a WeChat-style manifest and
// download every export format.

const referenceServer = "http://127.0.0.1:3901/mcp";
const manifestPath = path.resolve("lib/integrations/formats/fixtures/coffee-shop.mcp.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { apis: Array<{ name: string }> };
const apiNames = manifest.apis.map((api) => api.name);
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

test("a developer registers the reference MCP server, watches validation finish and reads tools and report", async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs("dev@lumen.demo");
  await page.goto("/m/lumen-coffee/integrations");
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();

  const create = page.getByRole("region", { name: "Register an integration" });
  await create.getByLabel("Name").fill(unique("Reference server"));
  await create.getByLabel("Endpoint URL").fill(referenceServer);
  await create.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: /Version 1/ })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Run validation" }).click();
  const progress = page.getByRole("progressbar", { name: "Validation progress" });
  await expect(progress).toBeVisible();
  await expect(progress).toBeHidden({ timeout: 60_000 });

  const run = page.getByRole("region", { name: /Validation/ });
  await expect(run.getByText("Finished", { exact: true })).toBeVisible();
  await expect(run.getByRole("heading", { name: "2 warnings" })).toBeVisible();
  await expect(run.getByRole("heading", { name: "12 notes" })).toBeVisible();
  await expect(run.getByRole("heading", { name: /error/ })).toHaveCount(0);
  const mcp002 = run.locator('li[data-rule="SG-MCP-002"][data-passed="false"]');
  await expect(mcp002.getByText("How to fix:")).toBeVisible();
  await mcp002.getByText("Evidence").click();
  await expect(mcp002.locator("pre")).toContainText("127.0.0.1:3901");
  await expect(run.locator('li[data-rule="SG-TOOL-007"][data-passed="false"]')).toContainText("get-resource-reference");

  const tools = page.getByRole("region", { name: "Tools (13)" });
  await expect(tools.getByRole("list", { name: "Operations" }).getByRole("listitem")).toHaveCount(13);
  await expect(tools.locator('li[data-operation="echo"]')).toBeVisible();
  await expect(tools.getByText("read-only").first()).toBeVisible();
  await expect(page.getByText(/Server mcp-servers\/everything .* protocol 2025-11-25/)).toBeVisible();
});

test("a developer imports a WeChat-style manifest and downloads all four export formats", async ({ signInAs }) => {
  const page = await signInAs("dev@lumen.demo");
  await page.goto("/m/lumen-coffee/integrations");
  const importer = page.getByRole("region", { name: "Import a WeChat mcp.json" });
  await importer.getByLabel("Manifest file").setInputFiles(manifestPath);
  await expect(importer.getByLabel("Manifest JSON")).toHaveValue(/lucky-bean-coffee/);
  await importer.getByLabel("Name (optional)").fill(unique("Lucky Bean"));
  await importer.getByRole("button", { name: "Import manifest" }).click();

  const operations = page.getByRole("region", { name: `Operations (${apiNames.length})` });
  await expect(operations).toBeVisible();
  for (const name of apiNames) await expect(operations.locator(`details[data-operation="${name}"]`)).toBeVisible();

  const downloads: Record<string, unknown> = {};
  for (const label of ["MCP registry server.json", "A2A Agent Card", "OpenAPI 3.1", "WeChat mcp.json"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: label }).click()]);
    const file = await download.path();
    downloads[label] = JSON.parse(readFileSync(file, "utf8"));
    expect(download.suggestedFilename(), label).toMatch(/-v1-.+\.json$/);
  }
  for (const name of apiNames) {
    expect(JSON.stringify(downloads["A2A Agent Card"]), name).toContain(name);
    expect(JSON.stringify(downloads["OpenAPI 3.1"]), name).toContain(name);
  }
  expect((downloads["OpenAPI 3.1"] as { openapi: string }).openapi).toMatch(/^3\.1/);
  expect((downloads["WeChat mcp.json"] as { apis: Array<{ name: string }> }).apis.map((api) => api.name)).toEqual(apiNames);
  expect(downloads["MCP registry server.json"]).toHaveProperty("name");
});

test("a schema with a syntax error is flagged inline with its line and column before saving", async ({ signInAs }) => {
  const page = await signInAs("dev@lumen.demo");
  await page.goto("/m/lumen-coffee/integrations");
  const create = page.getByRole("region", { name: "Register an integration" });
  await create.getByLabel("Skill (HTTP operations)").check();
  await create.getByLabel("Name").fill(unique("Hand-written skill"));
  await create.getByRole("button", { name: "Create draft" }).click();

  const editor = page.getByRole("form", { name: "New operation" });
  const input = editor.getByLabel("Input JSON Schema");
  await input.fill('{\n  "type": "object",\n  "properties": { "q": { "type": "strng" } },\n}');
  await expect(editor.getByRole("button", { name: "line 4, column 1" })).toBeVisible();
  await input.fill('{\n  "type": "object",\n  "properties": { "q": { "type": "strng" } }\n}');
  await expect(editor.getByRole("listitem").filter({ hasText: "/properties/q/type" })).toHaveText(/must be equal to one of the allowed values: array, boolean/);
  await expect(input).toHaveAttribute("aria-invalid", "true");
});

test("the registry and a version page have no serious accessibility violations", async ({ signInAs }) => {
  const page = await signInAs("dev@lumen.demo");
  const serious = async () =>
    (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  await page.goto("/m/lumen-coffee/integrations");
  expect(await serious()).toEqual([]);
  await page.getByRole("region", { name: "Your integrations" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /Version \d+/ })).toBeVisible();
  expect(await serious()).toEqual([]);
});
