import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, setLanguage, signInThroughApi, test } from "./support/fixtures";

// The review cycle with two people in two browser contexts: a merchant owner submits the
// reference MCP server (127.0.0.1:3901, allow-listed for the e2e server); a platform reviewer
// claims it and requests changes with a reason; the merchant reads the reason (also in Chinese),
// edits a new draft and resubmits; the reviewer approves and the integration goes live. Each step
// is then visible in the version's audit trail.

const referenceServer = "http://127.0.0.1:3901/mcp";

async function personIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await setLanguage(context, "en");
  await signInThroughApi(context.request, email);
  return { context, page: await context.newPage() };
}

async function validate(page: Page) {
  await page.getByRole("button", { name: "Run validation" }).click();
  const progress = page.getByRole("progressbar", { name: "Validation progress" });
  await expect(progress).toBeVisible();
  await expect(progress).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole("region", { name: /Validation/ }).getByText("Finished", { exact: true })).toBeVisible();
}

async function submitWithNote(page: Page, note: string) {
  const review = page.getByRole("region", { name: "Review", exact: true });
  await expect(review.getByText("Required: the validation found 2 warnings. Explain them to the reviewer.")).toBeVisible();
  await review.getByLabel("Note to the reviewer").fill(note);
  await review.getByRole("button", { name: "Submit for review" }).click();
  // The submit form gives way to the waiting state.
  await expect(review.getByTestId("queue-position")).toHaveText(/Position \d+ of \d+ in the review queue\./);
  await expect(review.getByText(/Median review time over the last 30 days: .+ \(\d+ decisions\)\./)).toBeVisible();
}

/** From the queue: claim the submission of `name`, open it, and return its review page. */
async function claimFromQueue(page: Page, name: string, number: number) {
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.locator("[data-sla]")).toHaveAttribute("data-sla", "ok");
  await row.getByRole("button", { name: `Claim ${name} v${number}` }).click();
  await expect(row.getByRole("cell", { name: "You", exact: true })).toBeVisible();
  await row.getByRole("link", { name: `Open review of ${name} v${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} v${number}` })).toBeVisible();
}

test("merchant submits → reviewer requests changes with a reason → merchant resubmits → reviewer approves → live, audited", async ({ browser }) => {
  test.setTimeout(240_000);
  const name = `Review flow ${Date.now().toString(36)}`;
  const merchant = await personIn(browser, "owner@lumen.demo");
  const reviewer = await personIn(browser, "reviewer@skillgate.demo");
  const m = merchant.page;
  const r = reviewer.page;

  // ── Merchant: register, validate, submit v1 with the note the warnings require.
  await m.goto("/m/lumen-coffee/integrations");
  const create = m.getByRole("region", { name: "Register an integration" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Endpoint URL").fill(referenceServer);
  await create.getByRole("button", { name: "Create draft" }).click();
  await expect(m.getByRole("heading", { name: /Version 1/ })).toBeVisible();
  await validate(m);
  await submitWithNote(m, "Two warnings: the endpoint is the development host and one tool property has no description.");
  const integrationUrl = m.url().split("?")[0]!;

  // ── Reviewer: claim from the queue; a change request without a reason is refused by the server.
  await claimFromQueue(r, name, 1);
  const v1 = new URL(r.url()).pathname.split("/").at(-1)!;
  await expect(r.getByTestId("merchant-note")).toContainText("Two warnings");
  await expect(r.getByText("Nothing is live yet: every operation is new.")).toBeVisible();
  await expect(r.getByRole("region", { name: "Check report" }).locator('li[data-rule="SG-MCP-002"][data-passed="false"]')).toBeVisible();
  const decide = r.getByRole("region", { name: "Decision" });
  await decide.getByLabel("Request changes").check();
  await decide.getByLabel("Message to the merchant").fill("Declare the annotations of every tool explicitly.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(decide.getByRole("alert")).toHaveText("Choose at least one reason for a change request or rejection.");
  await decide.getByLabel("Request changes").check();
  await decide.getByLabel(/Safety annotations missing or inaccurate/).check();
  await decide.getByLabel("Message to the merchant").fill("Declare the annotations of every tool explicitly.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(decide.locator('[data-decision="CHANGES_REQUESTED"] [data-reason="ANNOTATIONS_MISSING"]')).toBeVisible();
  await expect(r.getByRole("region", { name: /^Status/ }).getByText("Changes requested", { exact: true })).toBeVisible();

  // ── Merchant: sees the reason and its rules (in Chinese too), edits a new draft, resubmits.
  await m.goto(integrationUrl);
  const review = m.getByRole("region", { name: "Review", exact: true });
  const decision = review.locator('[data-decision="CHANGES_REQUESTED"]');
  await expect(decision.locator('[data-reason="ANNOTATIONS_MISSING"]')).toContainText("Safety annotations missing or inaccurate");
  await expect(decision.getByText("SG-TOOL-008", { exact: true })).toBeVisible();
  await expect(decision).toContainText("Declare the annotations of every tool explicitly.");
  await setLanguage(merchant.context, "zh-CN");
  await m.reload();
  const reviewZh = m.getByRole("region", { name: "审核", exact: true });
  await expect(reviewZh.locator('[data-reason="ANNOTATIONS_MISSING"]')).toContainText("安全注解缺失或不准确");
  await expect(reviewZh.getByText("基于该版本创建新草稿，按原因修改、校验后重新提交。")).toBeVisible();
  await setLanguage(merchant.context, "en");
  await m.reload();

  await review.getByRole("button", { name: "Edit a new draft from this version" }).click();
  await expect(m.getByRole("heading", { name: /Version 2/ })).toBeVisible();
  await m.getByLabel("Transport").selectOption("STREAMABLE_HTTP");
  await m.getByRole("button", { name: "Save draft" }).click();
  await expect(m.getByText("Saved.")).toBeVisible();
  await validate(m);
  await submitWithNote(m, "v2: annotations reviewed; the warnings are the same two as before.");

  // ── Reviewer: claim v2 and approve; it goes live.
  await claimFromQueue(r, name, 2);
  const v2 = new URL(r.url()).pathname.split("/").at(-1)!;
  await r.getByRole("region", { name: "Decision" }).getByLabel("Approve", { exact: true }).check();
  await r.getByRole("region", { name: "Decision" }).getByRole("button", { name: "Record decision" }).click();
  await expect(r.getByRole("region", { name: /^Status/ }).getByText("Live", { exact: true })).toBeVisible();
  await expect(r.getByRole("region", { name: "Decision" }).locator('[data-decision="APPROVED"]')).toBeVisible();

  // ── Merchant: the integration is live with v2; the history shows both versions.
  await m.goto(integrationUrl);
  await expect(m.getByText("Version 2 is live.")).toBeVisible();
  const history = m.getByRole("region", { name: "Version history" });
  await expect(history.locator('tr[data-version="2"]')).toContainText("Live");
  await expect(history.locator('tr[data-version="1"]')).toContainText("Changes requested");

  // ── Audit trail of each version, on the review page.
  const activity = r.getByRole("region", { name: "Activity" });
  await expect(activity.locator("[data-action]")).toHaveText([
    /^Draft created/,
    /^Draft edited/,
    /^Submitted for review · Draft → Submitted/,
    /^Claimed by a reviewer · Submitted → In review/,
    /^Approved · In review → Approved/,
    /^Went live · Approved → Live/,
  ]);
  await expect(activity.locator('[data-action="version.approved"]')).toContainText("reviewer@skillgate.demo");
  await r.goto("/review/history");
  const rows = r.getByRole("row").filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Approved");
  await expect(rows.nth(1)).toContainText("Safety annotations missing or inaccurate");
  await rows.nth(1).getByRole("link").click();
  await expect(r.getByRole("region", { name: "Activity" }).locator("[data-action]")).toHaveText([
    /^Submitted for review · Draft → Submitted/,
    /^Claimed by a reviewer · Submitted → In review/,
    /^Changes requested · In review → Changes requested/,
  ]);

  // ── The platform audit log (admin) has every step, with who did it.
  const admin = await personIn(browser, "admin@skillgate.demo");
  const actionsOf = async (versionId: string) => {
    await admin.page.goto(`/admin/audit?objectType=integration_version&objectId=${versionId}`);
    const rows = admin.page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    return rows.locator(":scope > td:nth-of-type(2) > code").allTextContents();
  };
  expect(await actionsOf(v1)).toEqual(["version.changes_requested", "version.claimed", "version.submitted"]);
  expect(await actionsOf(v2)).toEqual(["version.live", "version.approved", "version.claimed", "version.submitted", "version.updated", "version.draft_created"]);
  await expect(admin.page.getByTestId("audit-row").filter({ hasText: "version.approved" })).toContainText("reviewer@skillgate.demo");
  await expect(admin.page.getByTestId("audit-row").filter({ hasText: "version.submitted" })).toContainText("owner@lumen.demo");

  await admin.context.close();
  await merchant.context.close();
  await reviewer.context.close();
});
