// Two merchants with real data for the isolation tests: the demo world (seeded into a database of
// the test file's own) gives merchant A = Lumen Coffee (owner, admin, developer, analyst, orders,
// live integrations) and merchant B = SwiftRide (its owner belongs to nothing else); on top, A gets
// one of every object a URL or form can name by id (drafts, an operation, a check run, a pending
// invitation, a visibility rule), and B an analytics key. `fingerprintOf` hashes every row that
// belongs to a merchant, so a test can show an attempt changed nothing.
import { createHash } from "node:crypto";
import pg from "pg";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/secret";
import { startOfUtcDay } from "@/lib/demo/window";
import { seedDemoData } from "@/scripts/demo/seed";
import { createTestDatabase } from "../support/database";
import { ensureEncryptionKey } from "../support/registry-fixtures";

export const PLAINTEXT_BEARER = "sg-test-bearer-PLAINTEXT-4f1c9a";

export type TenantWorld = Awaited<ReturnType<typeof setUpTenantWorld>>;

export async function setUpTenantWorld(options: { orders?: number } = {}) {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.SKILLGATE_DEMO_MODE = "1";
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";
  ensureEncryptionKey();
  await seedDemoData({ connectionString: database.url, seed: 7, orders: options.orders ?? 300, now: startOfUtcDay(new Date()) });

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await client.query(sql, params);
    if (!rows[0]) throw new Error(`Fixture query found nothing: ${sql}`);
    return rows[0] as T;
  };

  const { db } = await import("@/lib/db");
  const data = await import("@/lib/data/integrations");
  const { createCheckRun } = await import("@/lib/data/check-runs");
  const { createInvitation } = await import("@/lib/data/invitations");
  const { addPathRule } = await import("@/lib/data/visibility");

  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const users = {
    ownerA: await user("owner@lumen.demo"),
    adminA: await user("admin@lumen.demo"),
    devA: await user("dev@lumen.demo"),
    analystA: await user("analyst@lumen.demo"),
    ownerB: await user("owner@swiftride.demo"),
    reviewer: await user("reviewer@skillgate.demo"),
    platformAdmin: await user("admin@skillgate.demo"),
  };
  const merchantA = await db.merchant.findUniqueOrThrow({ where: { slug: "lumen-coffee" } });
  const merchantB = await db.merchant.findUniqueOrThrow({ where: { slug: "swiftride" } });
  const actor = { userId: users.ownerA.id, email: users.ownerA.email, ip: "127.0.0.1" };

  const skill = await data.createIntegration({ merchantId: merchantA.id, actor, input: { kind: "SKILL", name: "Isolation skill", description: "", category: "FOOD" } });
  const skillVersion = await one<{ id: string }>(`SELECT id FROM "IntegrationVersion" WHERE "integrationId" = $1 AND status = 'DRAFT'`, [skill.integrationId]);
  const { saveOperationSchema } = await import("@/lib/validation/integrations");
  const operation = await data.saveOperation({
    merchantId: merchantA.id,
    actor,
    input: saveOperationSchema.parse({ versionId: skillVersion.id, name: "order_latte", url: "https://lumen.example/api/order", inputSchema: '{"type":"object"}' }),
  });
  const mcp = await data.createIntegration({
    merchantId: merchantA.id,
    actor,
    input: { kind: "MCP_SERVER", name: "Isolation MCP", description: "", category: "FOOD", endpointUrl: "https://mcp.lumen.example/mcp", transport: "STREAMABLE_HTTP", authType: "BEARER", bearerSecret: PLAINTEXT_BEARER },
  });
  const mcpVersion = await one<{ id: string }>(`SELECT id FROM "IntegrationVersion" WHERE "integrationId" = $1 AND status = 'DRAFT'`, [mcp.integrationId]);
  const live = await one<{ id: string; liveVersionId: string }>(
    `SELECT id, "liveVersionId" FROM "Integration" WHERE "merchantId" = $1 AND "liveVersionId" IS NOT NULL ORDER BY id LIMIT 1`,
    [merchantA.id],
  );
  const run = await createCheckRun({ merchantId: merchantA.id, actor, versionId: skillVersion.id });
  const order = await one<{ id: string; externalId: string }>(`SELECT id::text, "externalId" FROM "Order" WHERE "merchantId" = $1 ORDER BY id LIMIT 1`, [merchantA.id]);
  const analystMembership = await one<{ id: string }>(`SELECT id FROM "Membership" WHERE "merchantId" = $1 AND "userId" = $2`, [merchantA.id, users.analystA.id]);
  const invitation = await createInvitation({ merchantId: merchantA.id, email: "invitee@lumen.test", role: "ANALYST", actor: { ...actor, role: "OWNER" } });
  const invitationRow = await one<{ id: string }>(`SELECT id FROM "Invitation" WHERE "merchantId" = $1 AND email = 'invitee@lumen.test'`, [merchantA.id]);
  const rule = await addPathRule({ merchantId: merchantA.id, actor, effect: "DENY", pattern: "/isolation/**" });
  const { createWebhookEndpoint, sendWebhookTestEvent } = await import("@/lib/data/webhooks");
  const webhook = await createWebhookEndpoint({ merchantId: merchantA.id, actor, url: "https://hooks.lumen.example/in", description: "isolation", events: ["statement.ready"] });
  const delivery = await sendWebhookTestEvent({ merchantId: merchantA.id, actor, endpointId: webhook.endpointId });
  const revenueRule =
    (await db.revenueShareRule.findFirst({ where: { merchantId: merchantA.id, cancelledAt: null }, select: { id: true } })) ??
    (await db.revenueShareRule.create({ data: { merchantId: merchantA.id, channel: "AI_SKILL", rateBps: 500, effectiveFrom: new Date(Date.now() + 30 * 86_400_000) }, select: { id: true } }));
  const notification = await db.notification.create({ data: { userId: users.ownerA.id, merchantId: merchantA.id, kind: "isolation.test", link: `/m/${merchantA.slug}/settings` } });
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
  const agent = await one<{ id: string; slug: string }>(`SELECT id, slug FROM "Agent" WHERE status = 'ACTIVE' AND NOT "isTest" ORDER BY slug LIMIT 1`);

  const analyticsSecretB = generateApiKeySecret("MERCHANT_ANALYTICS");
  await db.apiKey.create({
    data: { kind: "MERCHANT_ANALYTICS", merchantId: merchantB.id, name: "B analytics", prefix: apiKeyPrefix(analyticsSecretB), hash: hashApiKeySecret(analyticsSecretB), scopes: [] },
  });

  /** A stable hash of every row of every table with a merchantId, plus the merchant and its members' accounts. */
  async function fingerprintOf(merchantId: string): Promise<Record<string, string>> {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'merchantId' ORDER BY table_name`,
    );
    const out: Record<string, string> = {};
    const digest = async (label: string, sql: string) => {
      const { rows } = await client.query<{ t: string }>(sql, [merchantId]);
      out[label] = createHash("sha256").update(rows.map((r) => r.t).join("\n")).digest("hex").slice(0, 16) + `:${rows.length}`;
    };
    for (const { table_name } of tables) await digest(table_name, `SELECT t::text AS t FROM "${table_name}" t WHERE "merchantId" = $1 ORDER BY 1`);
    await digest("Merchant", `SELECT t::text AS t FROM "Merchant" t WHERE id = $1`);
    await digest("User(members)", `SELECT u::text AS t FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."merchantId" = $1 ORDER BY 1`);
    return out;
  }

  return {
    db,
    client,
    users,
    A: {
      id: merchantA.id,
      slug: merchantA.slug,
      skillIntegrationId: skill.integrationId,
      skillDraftVersionId: skillVersion.id,
      operationId: operation.operationId,
      mcpIntegrationId: mcp.integrationId,
      mcpDraftVersionId: mcpVersion.id,
      liveIntegrationId: live.id,
      liveVersionId: live.liveVersionId,
      checkRunId: run.runId,
      orderId: order.id,
      orderExternalId: order.externalId,
      analystMembershipId: analystMembership.id,
      invitationId: invitationRow.id,
      invitationToken: invitation.token,
      ruleId: rule.ruleId,
      webhookEndpointId: webhook.endpointId,
      webhookDeliveryId: delivery.id,
      revenueRuleId: revenueRule.id,
      notificationId: notification.id,
      /** A month that has ended (statements are per period; the period names no object of A). */
      period: lastMonth,
    },
    B: { id: merchantB.id, slug: merchantB.slug, analyticsKey: analyticsSecretB },
    agent,
    fingerprintOf,
    close: async () => {
      await client.end();
      await db.$disconnect();
      const { ingestPool } = await import("@/lib/data/ingest-pool");
      await ingestPool().end().catch(() => {});
      await database.drop();
    },
  };
}
