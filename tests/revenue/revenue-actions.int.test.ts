// Who may do what with revenue rules and statements, through the real server actions and the
// CSV route: only the request transport is replaced (next-auth answers with the acting user's
// token; headers, cache and translations are stand-ins). Everything after that — the session
// re-check, the action wrappers, the merchantId scoping of the data layer — is the real code.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addPeriods, periodOf } from "@/lib/revenue/period";
import { setUpIngest, type IngestFixture } from "../ingest/ingest-fixture";

const acting: { session: { userId: string; sessionVersion: number } | null } = { session: null };

vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => acting.session }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => {
  const translator = (namespace?: string) => Object.assign((key: string) => (namespace ? `${namespace}.${key}` : key), { has: () => true });
  return { getTranslations: async (arg?: string) => translator(arg) };
});

let fx: IngestFixture;
let actions: typeof import("@/app/(merchant)/m/[merchant]/revenue/actions");
let adminActions: typeof import("@/app/(admin)/admin/statements/actions");
let adminRules: typeof import("@/app/(admin)/admin/revenue/actions");

async function actAs(email: string | null) {
  if (!email) return void (acting.session = null);
  const { db } = await import("@/lib/db");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  acting.session = { userId: user.id, sessionVersion: user.sessionVersion };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const proposal = (merchant: string) => ({ merchant, channel: "AI_SKILL", agentId: "", ratePercent: "4", fixedFeeYuan: "0", effectiveDate: "2099-06-01" });

beforeAll(async () => {
  fx = await setUpIngest();
  actions = await import("@/app/(merchant)/m/[merchant]/revenue/actions");
  adminActions = await import("@/app/(admin)/admin/statements/actions");
  adminRules = await import("@/app/(admin)/admin/revenue/actions");
  // One order of Lumen's last month, so a leak of it into another merchant's export would show.
  const at = new Date(Date.parse(`${addPeriods(periodOf(new Date()), -1)}-15T04:00:00Z`));
  const created = { type: "CREATED", merchant: "lumen-coffee", externalId: "lumen-secret-1", channel: "AI_SCREEN_READ", agent: "aurora", paymentMethod: "TOKEN_PAY", amountFen: 4_200, occurredAt: at.toISOString() };
  expect(((await (await fx.post("orders", { events: [created] })).json()) as { accepted: number }).accepted).toBe(1);
}, 180_000);
afterAll(async () => fx?.close());

describe("revenue actions", () => {
  it("lets the owner schedule and cancel, refuses past dates with a clear message", async () => {
    await actAs("owner@lumen.demo");
    const past = await actions.scheduleRevenueRuleAction(null, form({ ...proposal("lumen-coffee"), effectiveDate: "2020-01-01" }));
    expect(past).toMatchObject({ ok: false, error: "revenue.errors.pastDate", fieldErrors: { effectiveDate: ["revenue.errors.pastDate"] } });
    const bad = await actions.scheduleRevenueRuleAction(null, form({ ...proposal("lumen-coffee"), ratePercent: "120" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { ratePercent: ["revenue.validation.rate"] } });
    const ok = await actions.scheduleRevenueRuleAction(null, form(proposal("lumen-coffee")));
    expect(ok).toMatchObject({ ok: true });
    const ruleId = (ok as { ruleId: string }).ruleId;
    expect(await actions.cancelRevenueRuleAction(null, form({ merchant: "lumen-coffee", ruleId }))).toMatchObject({ ok: true });
    expect(await actions.cancelRevenueRuleAction(null, form({ merchant: "lumen-coffee", ruleId }))).toMatchObject({ ok: false, error: "revenue.errors.alreadyCancelled" });
  });

  it("lets an analyst preview and read but not change rules", async () => {
    await actAs("analyst@lumen.demo");
    expect(await actions.scheduleRevenueRuleAction(null, form(proposal("lumen-coffee")))).toMatchObject({ ok: false, error: "auth.errors.forbidden" });
    const { db } = await import("@/lib/db");
    const scheduled = await db.revenueShareRule.findFirstOrThrow({ where: { effectiveFrom: { gt: new Date() }, cancelledAt: null, merchantId: fx.world.merchants.find((m) => m.slug === "lumen-coffee")!.id } });
    expect(await actions.cancelRevenueRuleAction(null, form({ merchant: "lumen-coffee", ruleId: scheduled.id }))).toMatchObject({ ok: false, error: "auth.errors.forbidden" });
    const preview = await actions.previewRevenueRuleAction(null, form({ merchant: "lumen-coffee", channel: "AI_SKILL", ratePercent: "4", from: `${addPeriods(periodOf(new Date()), -1)}-01`, to: today() }));
    expect(preview).toMatchObject({ ok: true });
  });

  it("answers not-found to another merchant's owner, by slug and by object id", async () => {
    const { db } = await import("@/lib/db");
    const lumenId = fx.world.merchants.find((m) => m.slug === "lumen-coffee")!.id;
    const scheduled = await db.revenueShareRule.findFirstOrThrow({ where: { merchantId: lumenId, effectiveFrom: { gt: new Date() }, cancelledAt: null } });
    await actAs("owner@swiftride.demo");
    expect(await actions.cancelRevenueRuleAction(null, form({ merchant: "lumen-coffee", ruleId: scheduled.id }))).toMatchObject({ ok: false, error: "auth.errors.notFound" });
    expect(await actions.cancelRevenueRuleAction(null, form({ merchant: "swiftride", ruleId: scheduled.id }))).toMatchObject({ ok: false, error: "revenue.errors.ruleNotFound" });
    expect(await actions.scheduleRevenueRuleAction(null, form(proposal("lumen-coffee")))).toMatchObject({ ok: false, error: "auth.errors.notFound" });
    expect(await actions.verifyStatementAction(null, form({ merchant: "lumen-coffee", period: addPeriods(periodOf(new Date()), -1) }))).toMatchObject({ ok: false, error: "auth.errors.notFound" });
    expect((await db.revenueShareRule.findUniqueOrThrow({ where: { id: scheduled.id } })).cancelledAt).toBeNull();

    const route = await import("@/app/(merchant)/m/[merchant]/revenue/statements/[period]/export/route");
    const period = addPeriods(periodOf(new Date()), -1);
    const foreign = await route.GET(new Request("http://localhost/x"), { params: Promise.resolve({ merchant: "lumen-coffee", period }) });
    expect(foreign.status).toBe(404);
    const own = await route.GET(new Request("http://localhost/x"), { params: Promise.resolve({ merchant: "swiftride", period }) });
    expect(own.status).toBe(200);
    const csv = await own.text();
    expect(csv.split("\r\n")[0]).toContain("section,channel,agent_id");
    expect(csv).not.toContain("lumen-secret-1");
    await actAs("owner@lumen.demo");
    const lumenCsv = await (await route.GET(new Request("http://localhost/x"), { params: Promise.resolve({ merchant: "lumen-coffee", period }) })).text();
    expect(lumenCsv).toContain("lumen-secret-1");
    const badPeriod = await route.GET(new Request("http://localhost/x"), { params: Promise.resolve({ merchant: "lumen-coffee", period: "2026-13" }) });
    expect(badPeriod.status).toBe(400);
  });

  it("lets platform admins (not reviewers, not other merchants) change a merchant's rules, audited as themselves", async () => {
    const fields = { ...proposal("railgo"), effectiveDate: "2099-07-01" };
    await actAs("reviewer@skillgate.demo");
    expect(await adminRules.adminScheduleRevenueRuleAction(null, form(fields))).toMatchObject({ ok: false, error: "auth.errors.forbidden" });
    await actAs("owner@lumen.demo");
    expect(await adminRules.adminScheduleRevenueRuleAction(null, form(fields))).toMatchObject({ ok: false, error: "auth.errors.forbidden" });
    await actAs("admin@skillgate.demo");
    expect(await adminRules.adminScheduleRevenueRuleAction(null, form({ ...fields, merchant: "no-such-shop" }))).toMatchObject({ ok: false, error: "auth.errors.notFound" });
    const ok = await adminRules.adminScheduleRevenueRuleAction(null, form(fields));
    expect(ok).toMatchObject({ ok: true });
    const { db } = await import("@/lib/db");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: (ok as { ruleId: string }).ruleId } });
    expect(audit).toMatchObject({ action: "revenueRule.schedule", actorLabel: "admin@skillgate.demo" });
    expect(await adminRules.adminCancelRevenueRuleAction(null, form({ merchant: "railgo", ruleId: (ok as { ruleId: string }).ruleId }))).toMatchObject({ ok: true });
  });

  it("lets only platform admins close a month", async () => {
    const swiftId = fx.world.merchants.find((m) => m.slug === "swiftride")!.id;
    const period = addPeriods(periodOf(new Date()), -1);
    await actAs("owner@swiftride.demo");
    expect(await adminActions.closeStatementAction(null, form({ merchantId: swiftId, period }))).toMatchObject({ ok: false, error: "auth.errors.forbidden" });
    await actAs("reviewer@skillgate.demo");
    expect(await adminActions.closeStatementAction(null, form({ merchantId: swiftId, period }))).toMatchObject({ ok: false, error: "auth.errors.forbidden" });
    await actAs("admin@skillgate.demo");
    expect(await adminActions.closeStatementAction(null, form({ merchantId: swiftId, period: periodOf(new Date()) }))).toMatchObject({ ok: false, error: "revenue.errors.notEnded" });
    expect(await adminActions.closeStatementAction(null, form({ merchantId: swiftId, period }))).toMatchObject({ ok: true });
    await actAs("owner@swiftride.demo");
    expect(await actions.verifyStatementAction(null, form({ merchant: "swiftride", period }))).toMatchObject({ ok: true, matches: true });
  });
});
