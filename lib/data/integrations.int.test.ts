import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";
import { saveOperationSchema } from "@/lib/validation/integrations";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";
import { createCheckRun, getCheckRun, getCheckRunProgress } from "./check-runs";
import {
  createDraftFrom,
  createIntegration,
  createIntegrationFromDefinition,
  deleteOperation,
  getIntegration,
  getVersion,
  IntegrationError,
  listIntegrations,
  loadDefinition,
  saveOperation,
  updateMcpDraft,
} from "./integrations";

let a: RegistryMerchant;
let b: RegistryMerchant;
beforeAll(async () => {
  ensureEncryptionKey();
  a = await createRegistryMerchant("a");
  b = await createRegistryMerchant("b");
});

const op = (versionId: string, name: string, extra: Record<string, string> = {}) =>
  saveOperationSchema.parse({ versionId, name, description: `Operation ${name} for tests`, inputSchema: '{"type":"object","properties":{"q":{"type":"string","description":"query"}}}', ...extra });

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof IntegrationError ? e.code : String(e)));

async function submit(versionId: string) {
  await db.integrationVersion.update({ where: { id: versionId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
}

describe("integration registry data layer", () => {
  it("creates an MCP server with its secret encrypted at rest and never readable back in plain", async () => {
    const created = await createIntegration({
      merchantId: a.merchant.id,
      actor: a.actor,
      input: { kind: "MCP_SERVER", name: "Menu MCP", description: "", category: "FOOD", endpointUrl: "https://mcp.example.com/mcp", transport: "STREAMABLE_HTTP", authType: "BEARER", bearerSecret: "s3cr3t-token" },
    });
    const row = await db.integrationVersion.findUniqueOrThrow({ where: { id: created.versionId } });
    expect(row.authSecretEnc).toMatch(/^v1\./);
    expect(row.authSecretEnc).not.toContain("s3cr3t-token");
    expect(decryptSecret(row.authSecretEnc!)).toBe("s3cr3t-token");

    const version = await getVersion({ merchantId: a.merchant.id, versionId: created.versionId });
    expect(version).toMatchObject({ status: "DRAFT", number: 1, hasSecret: true, authType: "BEARER" });
    expect(JSON.stringify(version)).not.toContain("s3cr3t");
    expect(version).not.toHaveProperty("authSecretEnc");

    // An empty secret on edit keeps the stored one; NONE removes it.
    await updateMcpDraft({ merchantId: a.merchant.id, actor: a.actor, input: { versionId: created.versionId, endpointUrl: "https://mcp.example.com/v2", transport: "STREAMABLE_HTTP", authType: "BEARER", bearerSecret: "", hasSecret: "1" } });
    expect((await db.integrationVersion.findUniqueOrThrow({ where: { id: created.versionId } })).authSecretEnc).toBe(row.authSecretEnc);
    await updateMcpDraft({ merchantId: a.merchant.id, actor: a.actor, input: { versionId: created.versionId, endpointUrl: "https://mcp.example.com/v2", transport: "STREAMABLE_HTTP", authType: "NONE", bearerSecret: "", hasSecret: "1" } });
    expect((await db.integrationVersion.findUniqueOrThrow({ where: { id: created.versionId } })).authSecretEnc).toBeNull();

    const audit = await db.auditEvent.findMany({ where: { merchantId: a.merchant.id, objectId: { in: [created.integrationId, created.versionId] } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["integration.created", "version.updated", "version.updated"]);
    expect(JSON.stringify(audit.map((e) => [e.before, e.after]))).not.toContain("s3cr3t");
  });

  it("refuses a second integration with the same name in one merchant, not in another", async () => {
    const input = { kind: "SKILL" as const, name: "Orders", description: "", category: "FOOD" as const };
    await createIntegration({ merchantId: a.merchant.id, actor: a.actor, input });
    expect(await codeOf(createIntegration({ merchantId: a.merchant.id, actor: a.actor, input }))).toBe("nameTaken");
    expect(await codeOf(createIntegration({ merchantId: b.merchant.id, actor: b.actor, input }))).toBe("ok");
  });

  it("edits drafts, keeps submitted versions immutable, and copies on write", async () => {
    const { integrationId, versionId } = await createIntegration({ merchantId: a.merchant.id, actor: a.actor, input: { kind: "SKILL", name: "Coffee skill", description: "", category: "FOOD" } });
    await saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: op(versionId, "get_menu", { url: "https://api.example.com/menu", httpMethod: "GET", readOnly: "true", outputSchema: '{"type":"object"}' }) });
    const { operationId } = await saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: op(versionId, "place_order", { movesMoney: "true", examplePrompts: "order a latte\nbuy coffee" }) });
    expect(await codeOf(saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: op(versionId, "get_menu") }))).toBe("operationNameTaken");
    await saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: { ...op(versionId, "place_order", { title: "Place order", movesMoney: "true" }), operationId } });

    await submit(versionId);
    const frozen = JSON.stringify(await getVersion({ merchantId: a.merchant.id, versionId }));
    expect(await codeOf(saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: op(versionId, "new_op") }))).toBe("notDraft");
    expect(await codeOf(saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: { ...op(versionId, "place_order"), operationId } }))).toBe("notDraft");
    expect(await codeOf(deleteOperation({ merchantId: a.merchant.id, actor: a.actor, versionId, operationId }))).toBe("notDraft");
    expect(JSON.stringify(await getVersion({ merchantId: a.merchant.id, versionId }))).toBe(frozen);

    const draft = await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId });
    expect(draft.reused).toBe(false);
    const copy = await getVersion({ merchantId: a.merchant.id, versionId: draft.versionId });
    expect(copy).toMatchObject({ number: 2, status: "DRAFT", basedOnVersionId: versionId });
    expect(copy!.operations.map((o) => [o.name, o.title, o.readOnly, o.movesMoney, o.examplePrompts])).toEqual([
      ["get_menu", "", true, null, []],
      ["place_order", "Place order", null, true, []],
    ]);
    // A second "new draft" returns the same draft.
    expect(await createDraftFrom({ merchantId: a.merchant.id, actor: a.actor, versionId })).toEqual({ versionId: draft.versionId, reused: true });

    // Editing the copy leaves the submitted version untouched.
    await deleteOperation({ merchantId: a.merchant.id, actor: a.actor, versionId: draft.versionId, operationId: copy!.operations[0]!.id });
    expect(JSON.stringify(await getVersion({ merchantId: a.merchant.id, versionId }))).toBe(frozen);
    expect((await getVersion({ merchantId: a.merchant.id, versionId: draft.versionId }))!.operations.map((o) => o.name)).toEqual(["place_order"]);

    const integration = await getIntegration({ merchantId: a.merchant.id, integrationId });
    expect(integration!.versions.map((v) => [v.number, v.status])).toEqual([[2, "DRAFT"], [1, "SUBMITTED"]]);
    const listed = (await listIntegrations({ merchantId: a.merchant.id })).find((i) => i.id === integrationId);
    expect(listed).toMatchObject({ latestVersion: { number: 2, status: "DRAFT" }, liveVersion: null });
    const actions = await db.auditEvent.findMany({ where: { merchantId: a.merchant.id, objectId: { in: [versionId, draft.versionId] } }, select: { action: true } });
    expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(["version.updated", "version.draft_created"]));
  });

  it("scopes every read and write to the merchant: another merchant's ids read as not found", async () => {
    const { integrationId, versionId } = await createIntegration({ merchantId: a.merchant.id, actor: a.actor, input: { kind: "SKILL", name: "Private skill", description: "", category: "FOOD" } });
    const { operationId } = await saveOperation({ merchantId: a.merchant.id, actor: a.actor, input: op(versionId, "secret_op") });
    const { runId } = await createCheckRun({ merchantId: a.merchant.id, actor: a.actor, versionId });

    expect(await getIntegration({ merchantId: b.merchant.id, integrationId })).toBeNull();
    expect(await getVersion({ merchantId: b.merchant.id, versionId })).toBeNull();
    expect(await loadDefinition({ merchantId: b.merchant.id, integrationId })).toBeNull();
    expect(await getCheckRun({ merchantId: b.merchant.id, runId })).toBeNull();
    expect(await getCheckRunProgress({ merchantId: b.merchant.id, integrationId, runId })).toBeNull();
    expect((await listIntegrations({ merchantId: b.merchant.id })).map((i) => i.id)).not.toContain(integrationId);
    expect(await codeOf(saveOperation({ merchantId: b.merchant.id, actor: b.actor, input: op(versionId, "x") }))).toBe("notFound");
    expect(await codeOf(deleteOperation({ merchantId: b.merchant.id, actor: b.actor, versionId, operationId }))).toBe("notFound");
    expect(await codeOf(createDraftFrom({ merchantId: b.merchant.id, actor: b.actor, versionId }))).toBe("notFound");
    expect(await codeOf(createCheckRun({ merchantId: b.merchant.id, actor: b.actor, versionId }))).not.toBe("ok");
    expect((await getVersion({ merchantId: a.merchant.id, versionId }))!.operations).toHaveLength(1);
  });

  it("queues one run per version at a time and audits it", async () => {
    const { versionId } = await createIntegration({ merchantId: a.merchant.id, actor: a.actor, input: { kind: "SKILL", name: "Run twice", description: "", category: "FOOD" } });
    const first = await createCheckRun({ merchantId: a.merchant.id, actor: a.actor, versionId });
    const second = await createCheckRun({ merchantId: a.merchant.id, actor: a.actor, versionId });
    expect(first.created).toBe(true);
    expect(second).toEqual({ runId: first.runId, created: false });
    expect(await db.auditEvent.count({ where: { action: "checkrun.started", objectId: first.runId } })).toBe(1);
  });

  it("imports a WeChat manifest into a Skill draft that exports back every operation and its UI links", async () => {
    const manifest = JSON.parse(readFileSync("lib/integrations/formats/fixtures/coffee-shop.mcp.json", "utf8"));
    const imported = importWechatManifest(manifest, { merchant: { slug: a.merchant.slug, name: a.merchant.name }, category: "food" });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const { integrationId, versionId } = await createIntegrationFromDefinition({ merchantId: a.merchant.id, actor: a.actor, definition: imported.definition, category: "FOOD", source: "wechat-mcp-json" });
    const loaded = await loadDefinition({ merchantId: a.merchant.id, integrationId, versionId });
    expect(loaded!.definition!.operations).toEqual(imported.definition.operations);
    expect(loaded!.definition!.metadata).toMatchObject({ ...imported.definition.metadata, importedFrom: "wechat-mcp-json" });
    expect((await getVersion({ merchantId: a.merchant.id, versionId }))!.operations.find((o) => o.name === "placeOrder")?.metadata).toMatchObject({
      ui: { componentPath: "components/order-card/index", pagePath: "/pages/order/confirm" },
    });
    expect(await db.auditEvent.count({ where: { action: "integration.imported", objectId: integrationId } })).toBe(1);
  });
});
