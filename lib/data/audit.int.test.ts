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
