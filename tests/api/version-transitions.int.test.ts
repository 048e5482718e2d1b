// POST /api/v1/versions/{versionId}/transitions, called as the route handler with a stubbed
// session (tests/security/next-doubles.ts): the state machine's 409 with the allowed events, the
// session and permission checks, tenancy (404, never another merchant's version) and bad input.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-auth", async (original) => (await import("../security/next-doubles")).nextAuthDouble(await original<object>()));
vi.mock("next/headers", async () => (await import("../security/next-doubles")).nextHeadersDouble());
vi.mock("next/cache", async () => (await import("../security/next-doubles")).nextCacheDouble());
vi.mock("next-intl/server", async () => (await import("../security/next-doubles")).nextIntlDouble());

import { POST } from "@/app/api/v1/versions/[versionId]/transitions/route";
import { createIntegrationFromDefinition } from "@/lib/data/integrations";
import { db } from "@/lib/db";
import { actAs } from "@/tests/security/next-doubles";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";

let a: RegistryMerchant;
let b: RegistryMerchant;
let reviewer: Awaited<ReturnType<typeof db.user.create>>;
let analystA: Awaited<ReturnType<typeof db.user.create>>;

beforeAll(async () => {
  ensureEncryptionKey();
  a = await createRegistryMerchant("vta");
  b = await createRegistryMerchant("vtb");
  const tag = randomBytes(4).toString("hex");
  reviewer = await db.user.create({ data: { email: `rev-${tag}@test.local`, name: "Reviewer", passwordHash: "x", platformRole: "REVIEWER" } });
  analystA = await db.user.create({ data: { email: `analyst-${tag}@test.local`, name: "Analyst", passwordHash: "x" } });
  await db.membership.create({ data: { merchantId: a.merchant.id, userId: analystA.id, role: "ANALYST" } });
});

async function draft(m: RegistryMerchant, { validated = true } = {}) {
  const name = `Skill ${randomBytes(3).toString("hex")}`;
  const created = await createIntegrationFromDefinition({
    merchantId: m.merchant.id,
    actor: m.actor,
    category: "FOOD",
    source: "mcp-tools",
    definition: {
      kind: "SKILL",
      name,
      description: "",
      category: "food",
      merchant: { slug: m.merchant.slug, name: m.merchant.name },
      version: 1,
      operations: [
        {
          name: "menu",
          title: "menu",
          description: "Operation menu used by the transitions API tests",
          inputSchema: { type: "object", properties: { q: { type: "string", description: "query" } } },
          httpMethod: "GET",
          url: "https://shop.example.com/menu",
          annotations: { readOnly: true, destructive: false, idempotent: true },
          examplePrompts: [],
        },
      ],
    },
  });
  if (validated) {
    await db.checkRun.create({ data: { merchantId: m.merchant.id, versionId: created.versionId, status: "SUCCEEDED", errorCount: 0, warningCount: 0, finishedAt: new Date() } });
  }
  return created.versionId;
}

async function as(user: { id: string } | null) {
  actAs(user ? await db.user.findUniqueOrThrow({ where: { id: user.id } }) : null);
}

async function send(versionId: string, body: unknown) {
  const response = await POST(
    new Request(`http://localhost/api/v1/versions/${versionId}/transitions`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    { params: Promise.resolve({ versionId }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: Record<string, unknown> } };
}

const statusOf = async (versionId: string) => (await db.integrationVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true } })).status;

describe("POST /api/v1/versions/{versionId}/transitions", () => {
  it("submits, claims and approves along legal edges (200 with the new status)", async () => {
    const versionId = await draft(a);
    await as(a.developer);
    expect(await send(versionId, { event: "submit", note: "first" })).toEqual({ status: 200, body: { versionId, status: "SUBMITTED" } });
    await as(reviewer);
    expect(await send(versionId, { event: "claim" })).toEqual({ status: 200, body: { versionId, status: "IN_REVIEW" } });
    expect(await send(versionId, { event: "approve" })).toEqual({ status: 200, body: { versionId, status: "LIVE" } });
  });

  it("answers an illegal transition with 409, the current status and the allowed events", async () => {
    const versionId = await draft(a);
    await as(reviewer);
    const approveDraft = await send(versionId, { event: "approve" });
    expect(approveDraft.status).toBe(409);
    expect(approveDraft.body.error).toMatchObject({ code: "illegal_transition", current: "DRAFT", allowed: [] });

    await as(a.developer);
    expect((await send(versionId, { event: "submit" })).status).toBe(200);
    const again = await send(versionId, { event: "submit" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "illegal_transition", current: "SUBMITTED", allowed: ["withdraw"] });

    await as(reviewer);
    const unclaimed = await send(versionId, { event: "request_changes", reasonCodes: ["OTHER"], message: "why" });
    expect(unclaimed.status).toBe(409);
    expect(unclaimed.body.error).toMatchObject({ code: "illegal_transition", current: "SUBMITTED", allowed: ["claim"] });
    expect(await statusOf(versionId)).toBe("SUBMITTED");
  });

  it("refuses business rules with a specific code: 422 for an incomplete request, 409 for the version's state", async () => {
    const versionId = await draft(a);
    await as(a.developer);
    await send(versionId, { event: "submit" });
    await as(reviewer);
    await send(versionId, { event: "claim" });
    const noReason = await send(versionId, { event: "reject" });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toMatchObject({ code: "reason_required" });

    const unvalidated = await draft(a, { validated: false });
    await as(a.developer);
    const missing = await send(unvalidated, { event: "submit" });
    expect(missing.status).toBe(409);
    expect(missing.body.error).toMatchObject({ code: "check_missing" });
    expect(await statusOf(unvalidated)).toBe("DRAFT");
  });

  it("answers 401 without a session", async () => {
    const versionId = await draft(a);
    await as(null);
    const response = await send(versionId, { event: "submit" });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: "unauthenticated" });
    expect(await statusOf(versionId)).toBe("DRAFT");
  });

  it("answers 404 to a member of another merchant, and for an unknown version", async () => {
    const versionId = await draft(a);
    await as(b.developer);
    for (const event of ["submit", "withdraw"]) {
      const response = await send(versionId, { event });
      expect(response.status, event).toBe(404);
      expect(response.body.error).toMatchObject({ code: "not_found" });
    }
    expect((await send("c0000000000000000000nope", { event: "submit" })).status).toBe(404);
    expect((await send("bad\u0000id", { event: "submit" })).status).toBe(404);
    await as(reviewer);
    expect((await send("c0000000000000000000nope", { event: "claim" })).status).toBe(404);
    expect(await statusOf(versionId)).toBe("DRAFT");
  });

  it("answers 403 to a merchant user sending a reviewer event, and to a role without integrations:write", async () => {
    const versionId = await draft(a);
    await as(a.developer);
    await send(versionId, { event: "submit" });
    for (const event of ["claim", "approve", "request_changes", "reject", "release"]) {
      const response = await send(versionId, { event });
      expect(response.status, event).toBe(403);
      expect(response.body.error).toMatchObject({ code: "forbidden" });
    }
    await as(analystA);
    expect((await send(versionId, { event: "withdraw" })).status).toBe(403);
    expect(await statusOf(versionId)).toBe("SUBMITTED");
  });

  it("answers 400 with the zod issues for a bad body", async () => {
    const versionId = await draft(a);
    await as(a.developer);
    const notJson = await send(versionId, "{event:");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatchObject({ code: "invalid_json" });
    const unknownEvent = await send(versionId, { event: "goLive" });
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.body.error).toMatchObject({ code: "invalid_body", issues: [expect.objectContaining({ path: "event" })] });
    for (const body of [{}, [], null, { event: "submit", note: 5 }, { event: "submit", extra: true }, { event: "reject", reasonCodes: "OTHER" }]) {
      expect((await send(versionId, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await statusOf(versionId)).toBe("DRAFT");
  });
});
