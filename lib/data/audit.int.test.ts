import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAuditEvents, recordAudit } from "./audit";

describe("audit events", () => {
  it("stores who did what, with bigint-safe snapshots, scoped by merchant when read", async () => {
    const merchantId = `m_audit_${Date.now()}`;
    await recordAudit({
      merchantId,
      actor: { id: "u1", label: "owner@example.com", ip: "203.0.113.7" },
      action: "revenue_rule.created",
      objectType: "RevenueShareRule",
      objectId: "r1",
      after: { rateBps: 350, fixedFeeFen: 12n },
    });
    await recordAudit({ merchantId: "someone-else", actor: { id: null, label: "system" }, action: "x", objectType: "Y", objectId: "z" });

    const events = await listAuditEvents({ merchantId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: "owner@example.com", ip: "203.0.113.7", action: "revenue_rule.created", after: { rateBps: 350, fixedFeeFen: "12" } });
  });

  it("is written in the caller's transaction: a rolled-back change leaves no event", async () => {
    const objectId = `rolled-back-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit({ merchantId: null, actor: { id: null, label: "t" }, action: "t", objectType: "T", objectId }, tx);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await listAuditEvents({ objectType: "T", objectId })).toHaveLength(0);
  });
});

describe("a merchant's own audit log", () => {
  it("shows platform staff as staff, without email or IP, and its actor filter cannot find them", async () => {
    const { createPolicyWorld } = await import("@/tests/support/visibility-fixtures");
    const { pageMerchantAuditEvents } = await import("./audit");
    const world = await createPolicyWorld();
    const staffEmail = `reviewer-${Date.now()}@skillgate.example`;
    const staff = await db.user.create({ data: { email: staffEmail, name: "Reviewer", passwordHash: "unused", platformRole: "REVIEWER" } });
    const merchantId = world.merchant.id;
    await recordAudit({ merchantId, actor: { id: staff.id, label: staffEmail, ip: "10.9.8.7" }, action: "version.approved", objectType: "IntegrationVersion", objectId: "v1" });
    await recordAudit({ merchantId, actor: { id: world.owner.id, label: world.owner.email, ip: "203.0.113.7" }, action: "version.submitted", objectType: "IntegrationVersion", objectId: "v1" });
    await recordAudit({ merchantId, actor: { id: null, label: "system" }, action: "integration.drift_detected", objectType: "Integration", objectId: "i1" });

    const view = await pageMerchantAuditEvents({ merchantId, staffLabel: "Skillgate staff" });
    const byAction = Object.fromEntries(view.events.map((e) => [e.action, { actorLabel: e.actorLabel, ip: e.ip }]));
    expect(byAction["version.approved"]).toEqual({ actorLabel: "Skillgate staff", ip: null });
    expect(byAction["version.submitted"]).toEqual({ actorLabel: world.owner.email, ip: "203.0.113.7" });
    expect(byAction["integration.drift_detected"]).toEqual({ actorLabel: "system", ip: null });
    expect(JSON.stringify(view.events, (_key, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(staffEmail);

    expect((await pageMerchantAuditEvents({ merchantId, staffLabel: "Skillgate staff", actor: "reviewer-" })).events).toEqual([]);
    expect((await pageMerchantAuditEvents({ merchantId, staffLabel: "Skillgate staff", actor: "system" })).events.map((e) => e.action)).toEqual(["integration.drift_detected"]);
    expect((await pageMerchantAuditEvents({ merchantId, staffLabel: "Skillgate staff", actor: world.owner.email })).events.map((e) => e.action)).toEqual(["version.submitted"]);
    // The platform's own log still names the reviewer.
    expect((await listAuditEvents({ merchantId, actor: "reviewer-" }))[0]).toMatchObject({ actorLabel: staffEmail, ip: "10.9.8.7" });
  });
});
