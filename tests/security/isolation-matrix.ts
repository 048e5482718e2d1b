// The isolation matrix: one entry for every page, route handler and server action the inventory
// (./inventory.ts) finds. An entry says which of merchant A's objects the attempt names — URL
// params such as [id] and form fields such as integrationId/versionId map to A's fixtures — and
// what kind of caller the code path serves. tenant-isolation.int.test.ts runs every entry as a
// member of merchant B (and as other roles) and fails for anything found in the code but missing
// here. Adding a route? Add its entry; the failure message says where.
import { expect } from "vitest";
import type { MerchantPermission } from "@/lib/auth/permissions";
import type { TenantWorld } from "./tenant-fixtures";

export type Fields = Record<string, string | string[]>;

/** A page or a route handler under /m/[merchant]: its params beyond `merchant`, pointing at A's objects. */
export type MerchantRouteSpec = {
  params?: (w: TenantWorld) => Record<string, string>;
  searchParams?: (w: TenantWorld) => Record<string, string>;
  /** The page only redirects within the same merchant (reads nothing); the target page is covered on its own. */
  redirectOnly?: true;
  /** For routes without object params: what B's own view must not contain of A. */
  ownViewExcludes?: (w: TenantWorld) => string[];
  /** The params name no object of A (e.g. a statement period): B's own URL with them is B's own data. */
  paramsAreOwnScope?: true;
};

export const MERCHANT_PAGES: Record<string, MerchantRouteSpec> = {
  "/m/[merchant]": { redirectOnly: true },
  "/m/[merchant]/overview": {},
  "/m/[merchant]/attribution": {},
  "/m/[merchant]/developers": {},
  "/m/[merchant]/integrations": {},
  "/m/[merchant]/integrations/[id]": {
    params: (w) => ({ id: w.A.skillIntegrationId }),
    searchParams: (w) => ({ version: w.A.skillDraftVersionId, run: w.A.checkRunId }),
  },
  "/m/[merchant]/orders": {},
  "/m/[merchant]/orders/[id]": { params: (w) => ({ id: w.A.orderId }) },
  "/m/[merchant]/revenue": {},
  "/m/[merchant]/revenue/statements": {},
  "/m/[merchant]/revenue/statements/[period]": { params: (w) => ({ period: w.A.period }), paramsAreOwnScope: true },
  "/m/[merchant]/developers/webhooks/[endpointId]": { params: (w) => ({ endpointId: w.A.webhookEndpointId }) },
  "/m/[merchant]/screen-reading": {},
  "/m/[merchant]/settings": {},
  "/m/[merchant]/settings/audit": {},
  "/m/[merchant]/visibility": {},
  "/print/statements/[merchant]/[period]": { params: (w) => ({ period: w.A.period }), paramsAreOwnScope: true },
};

/** Route handlers under /m/[merchant], keyed "METHOD route". */
export const MERCHANT_ROUTE_HANDLERS: Record<string, MerchantRouteSpec> = {
  "GET /m/[merchant]/integrations/[id]/runs/[runId]": { params: (w) => ({ id: w.A.skillIntegrationId, runId: w.A.checkRunId }) },
  "GET /m/[merchant]/orders/export": { ownViewExcludes: (w) => [w.A.orderExternalId] },
  "GET /m/[merchant]/revenue/statements/[period]/export": { params: (w) => ({ period: w.A.period }), paramsAreOwnScope: true, ownViewExcludes: (w) => [w.A.id] },
};

/** Pages of platform staff: which platform role may open them (everyone else gets 403), with merchant A's objects as params. */
export const PLATFORM_PAGES: Record<string, { opens: Array<"REVIEWER" | "ADMIN">; params?: (w: TenantWorld) => Record<string, string> }> = {
  "/review": { opens: ["REVIEWER", "ADMIN"] },
  "/review/history": { opens: ["REVIEWER", "ADMIN"] },
  "/review/[versionId]": { opens: ["REVIEWER", "ADMIN"], params: (w) => ({ versionId: w.A.skillDraftVersionId }) },
  "/admin": { opens: ["ADMIN"] },
  "/admin/users": { opens: ["ADMIN"] },
  "/admin/audit": { opens: ["ADMIN"] },
  "/admin/revenue": { opens: ["ADMIN"] },
  "/admin/revenue/[merchant]": { opens: ["ADMIN"], params: (w) => ({ merchant: w.A.slug }) },
  "/admin/statements": { opens: ["ADMIN"] },
};

/** Pages anyone may open (sign-in, registration, an invitation by its secret token, the landing redirect). */
export const PUBLIC_PAGES: Record<string, string> = {
  "/": "redirects to the user's first merchant or to sign-in",
  "/sign-in": "sign-in form",
  "/register": "registration form",
  "/invite/[token]": "shows an invitation only to the holder of its secret token (SHA-256 stored)",
};

export type ActionSpec =
  | {
      kind: "merchant";
      permission: MerchantPermission;
      /** Changes state: an ANALYST and a platform reviewer must be refused. */
      mutates: boolean;
      fields: (w: TenantWorld) => Fields;
      /** The fields name A's objects: also try them from B's own merchant (slug B, A's ids). */
      namesObjects: boolean;
      /** For a read that answers from B's own data: what B's answer about A's ids must look like (default: a not-found refusal). */
      foreign?: (result: unknown, w: TenantWorld) => void;
    }
  | { kind: "platform"; opens: Array<"REVIEWER" | "ADMIN">; fields: (w: TenantWorld) => Fields }
  | {
      kind: "user" | "public" | "self";
      /** Acting as B's owner against A; `check` asserts the refusal. */
      fields: (w: TenantWorld) => Fields;
      check: (result: unknown, w: TenantWorld) => void | Promise<void>;
      why: string;
    };

const integrations = "app/(merchant)/m/[merchant]/integrations/actions.ts";
const settings = "app/(merchant)/m/[merchant]/settings/actions.ts";
const visibility = "app/(merchant)/m/[merchant]/visibility/actions.ts";
const developers = "app/(merchant)/m/[merchant]/developers/actions.ts";
const reviewActions = "app/(merchant)/m/[merchant]/integrations/review-actions.ts";
const revenue = "app/(merchant)/m/[merchant]/revenue/actions.ts";
const review = "app/(review)/review/actions.ts";

const failedWith = (pattern: RegExp) => (result: unknown) => {
  expect(result).toMatchObject({ ok: false });
  const r = result as { error: string; fieldErrors?: Record<string, string[]> };
  expect(JSON.stringify([r.error, r.fieldErrors ?? {}])).toMatch(pattern);
};

export const ACTIONS: Record<string, ActionSpec> = {
  [`${integrations}#createIntegrationAction`]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: false, fields: () => ({ kind: "SKILL", name: "Hijack", category: "FOOD" }) },
  [`${integrations}#updateMcpDraftAction`]: {
    kind: "merchant",
    permission: "integrations:write",
    mutates: true,
    namesObjects: true,
    fields: (w) => ({ integrationId: w.A.mcpIntegrationId, versionId: w.A.mcpDraftVersionId, endpointUrl: "https://evil.example/mcp", transport: "STREAMABLE_HTTP", authType: "NONE" }),
  },
  [`${integrations}#saveOperationAction`]: {
    kind: "merchant",
    permission: "integrations:write",
    mutates: true,
    namesObjects: true,
    fields: (w) => ({ integrationId: w.A.skillIntegrationId, versionId: w.A.skillDraftVersionId, operationId: w.A.operationId, name: "order_latte", url: "https://evil.example/steal", inputSchema: '{"type":"object"}' }),
  },
  [`${integrations}#deleteOperationAction`]: {
    kind: "merchant",
    permission: "integrations:write",
    mutates: true,
    namesObjects: true,
    fields: (w) => ({ integrationId: w.A.skillIntegrationId, versionId: w.A.skillDraftVersionId, operationId: w.A.operationId }),
  },
  [`${integrations}#createDraftAction`]: {
    kind: "merchant",
    permission: "integrations:write",
    mutates: true,
    namesObjects: true,
    fields: (w) => ({ integrationId: w.A.liveIntegrationId, versionId: w.A.liveVersionId }),
  },
  [`${integrations}#runValidationAction`]: {
    kind: "merchant",
    permission: "integrations:write",
    mutates: true,
    namesObjects: true,
    fields: (w) => ({ integrationId: w.A.liveIntegrationId, versionId: w.A.liveVersionId }),
  },
  [`${integrations}#importWechatAction`]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: false, fields: () => ({ payload: "{}" }) },
  [`${integrations}#importMcpAction`]: {
    kind: "merchant",
    permission: "integrations:write",
    mutates: true,
    namesObjects: false,
    fields: () => ({ name: "Hijack", category: "FOOD", endpointUrl: "https://mcp.evil.example/mcp" }),
  },
  [`${integrations}#checkSchemaAction`]: { kind: "merchant", permission: "integrations:write", mutates: false, namesObjects: false, fields: () => ({ text: "{}" }) },
  [`${settings}#inviteMemberAction`]: { kind: "merchant", permission: "members:manage", mutates: true, namesObjects: false, fields: () => ({ email: "mallory@evil.test", role: "ADMIN" }) },
  [`${settings}#changeMemberRoleAction`]: { kind: "merchant", permission: "members:manage", mutates: true, namesObjects: true, fields: (w) => ({ membershipId: w.A.analystMembershipId, role: "OWNER" }) },
  [`${settings}#removeMemberAction`]: { kind: "merchant", permission: "members:manage", mutates: true, namesObjects: true, fields: (w) => ({ membershipId: w.A.analystMembershipId }) },
  [`${settings}#revokeInvitationAction`]: { kind: "merchant", permission: "members:manage", mutates: true, namesObjects: true, fields: (w) => ({ invitationId: w.A.invitationId }) },
  [`${visibility}#updateSettingsAction`]: { kind: "merchant", permission: "visibility:manage", mutates: true, namesObjects: false, fields: () => ({ screenReadingAllowed: "on", dataSharing: "ORDER_DETAILS" }) },
  [`${visibility}#addPathRuleAction`]: { kind: "merchant", permission: "visibility:manage", mutates: true, namesObjects: false, fields: () => ({ effect: "ALLOW", pattern: "/hijack/**" }) },
  [`${visibility}#addAgentRuleAction`]: { kind: "merchant", permission: "visibility:manage", mutates: true, namesObjects: false, fields: (w) => ({ kind: "AGENT_SKILL_CALL", effect: "ALLOW", agentId: w.agent.id }) },
  [`${visibility}#removeRuleAction`]: { kind: "merchant", permission: "visibility:manage", mutates: true, namesObjects: true, fields: (w) => ({ ruleId: w.A.ruleId }) },
  [`${visibility}#setIntegrationVisibilityAction`]: {
    kind: "merchant",
    permission: "visibility:manage",
    mutates: true,
    namesObjects: true,
    fields: (w) => ({ integrationId: w.A.skillIntegrationId, visibility: "PUBLIC" }),
  },
  [`${visibility}#simulateDecisionAction`]: {
    kind: "merchant",
    permission: "visibility:read",
    mutates: false,
    namesObjects: true,
    fields: (w) => ({ agentId: w.agent.id, action: "skill_call", integration: w.A.liveIntegrationId }),
    // Answers from B's own policy, where A's integration does not exist: denied, and nothing of A's shows.
    foreign: (result, w) => {
      expect(result).toMatchObject({ ok: true, decision: { allow: false, merchant: w.B.slug } });
      expect(JSON.stringify(result)).not.toMatch(/Lumen|lumen-coffee/);
    },
  },
  // Webhooks (developers page).
  [`${developers}#createWebhookEndpointAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: false, fields: () => ({ url: "https://evil.example/hook", events: "statement.ready" }) },
  [`${developers}#updateWebhookEndpointAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: true, fields: (w) => ({ endpointId: w.A.webhookEndpointId, events: "statement.ready", description: "hijacked" }) },
  [`${developers}#rotateWebhookSecretAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: true, fields: (w) => ({ endpointId: w.A.webhookEndpointId }) },
  [`${developers}#setWebhookEndpointEnabledAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: true, fields: (w) => ({ endpointId: w.A.webhookEndpointId, enabled: "false" }) },
  [`${developers}#deleteWebhookEndpointAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: true, fields: (w) => ({ endpointId: w.A.webhookEndpointId }) },
  [`${developers}#sendWebhookTestEventAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: true, fields: (w) => ({ endpointId: w.A.webhookEndpointId }) },
  [`${developers}#redeliverWebhookAction`]: { kind: "merchant", permission: "webhooks:manage", mutates: true, namesObjects: true, fields: (w) => ({ deliveryId: w.A.webhookDeliveryId }) },
  // Review workflow, merchant side.
  [`${reviewActions}#submitVersionAction`]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: true, fields: (w) => ({ integrationId: w.A.skillIntegrationId, versionId: w.A.skillDraftVersionId, note: "hijack" }) },
  [`${reviewActions}#withdrawVersionAction`]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: true, fields: (w) => ({ integrationId: w.A.skillIntegrationId, versionId: w.A.skillDraftVersionId }) },
  [`${reviewActions}#rollbackAction`]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: true, fields: (w) => ({ integrationId: w.A.liveIntegrationId, versionId: w.A.liveVersionId, note: "hijack" }) },
  [`${reviewActions}#merchantCommentAction`]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: true, fields: (w) => ({ integrationId: w.A.skillIntegrationId, versionId: w.A.skillDraftVersionId, body: "hijack" }) },
  ["app/(merchant)/m/[merchant]/integrations/[id]/drift-actions.ts#recheckDriftAction"]: { kind: "merchant", permission: "integrations:write", mutates: true, namesObjects: true, fields: (w) => ({ integrationId: w.A.mcpIntegrationId }) },
  // Revenue rules and statements, merchant side.
  [`${revenue}#previewRevenueRuleAction`]: { kind: "merchant", permission: "revenue:read", mutates: false, namesObjects: false, fields: (w) => ({ channel: "AI_SKILL", ratePercent: "5", from: `${w.A.period}-01`, to: `${w.A.period}-28` }) },
  [`${revenue}#scheduleRevenueRuleAction`]: { kind: "merchant", permission: "revenue:manage", mutates: true, namesObjects: false, fields: () => ({ channel: "AI_SKILL", ratePercent: "0", effectiveDate: "2099-01-01" }) },
  [`${revenue}#cancelRevenueRuleAction`]: { kind: "merchant", permission: "revenue:manage", mutates: true, namesObjects: true, fields: (w) => ({ ruleId: w.A.revenueRuleId }) },
  [`${revenue}#verifyStatementAction`]: { kind: "merchant", permission: "statements:read", mutates: false, namesObjects: false, fields: (w) => ({ period: w.A.period }) },
  // Platform staff: the review console, revenue rules and statement closing.
  [`${review}#claimAction`]: { kind: "platform", opens: ["REVIEWER"], fields: (w) => ({ versionId: w.A.skillDraftVersionId }) },
  [`${review}#releaseAction`]: { kind: "platform", opens: ["REVIEWER"], fields: (w) => ({ versionId: w.A.skillDraftVersionId }) },
  [`${review}#decideAction`]: { kind: "platform", opens: ["REVIEWER"], fields: (w) => ({ versionId: w.A.skillDraftVersionId, decision: "APPROVED", message: "" }) },
  [`${review}#reviewerCommentAction`]: { kind: "platform", opens: ["REVIEWER"], fields: (w) => ({ versionId: w.A.skillDraftVersionId, body: "hijack" }) },
  [`${review}#reinstateAction`]: { kind: "platform", opens: ["REVIEWER"], fields: (w) => ({ versionId: w.A.liveVersionId, reason: "hijack" }) },
  [`${review}#suspendAction`]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ versionId: w.A.liveVersionId, reason: "hijack" }) },
  ["app/(admin)/admin/revenue/actions.ts#adminPreviewRevenueRuleAction"]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ merchant: w.A.slug, channel: "AI_SKILL", ratePercent: "5", from: `${w.A.period}-01`, to: `${w.A.period}-28` }) },
  ["app/(admin)/admin/revenue/actions.ts#adminScheduleRevenueRuleAction"]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ merchant: w.A.slug, channel: "AI_SKILL", ratePercent: "0", effectiveDate: "2099-01-01" }) },
  ["app/(admin)/admin/revenue/actions.ts#adminCancelRevenueRuleAction"]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ merchant: w.A.slug, ruleId: w.A.revenueRuleId }) },
  ["app/(admin)/admin/statements/actions.ts#closeStatementAction"]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ merchantId: w.A.id, period: w.A.period }) },
  ["app/(admin)/admin/users/actions.ts#setUserStatusAction"]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ userId: w.users.ownerA.id, status: "DISABLED" }) },
  ["app/(admin)/admin/users/actions.ts#setPlatformRoleAction"]: { kind: "platform", opens: ["ADMIN"], fields: (w) => ({ userId: w.users.ownerA.id, platformRole: "ADMIN" }) },
  ["app/(auth)/invite/[token]/actions.ts#acceptInvitationAction"]: {
    kind: "user",
    why: "an invitation is accepted only by the account it was sent to",
    fields: (w) => ({ token: w.A.invitationToken }),
    check: failedWith(/members\.errors\./),
  },
  ["app/(auth)/register/actions.ts#createMerchantAction"]: {
    kind: "user",
    why: "a new merchant cannot take an existing merchant's address",
    fields: (w) => ({ merchantName: "Hijack", merchantSlug: w.A.slug, merchantCategory: "FOOD" }),
    check: failedWith(/slugTaken/),
  },
  ["app/(auth)/register/actions.ts#registerAction"]: {
    kind: "public",
    why: "registration cannot take over an existing account's email or a merchant's address",
    fields: (w) => ({ name: "Mallory", email: w.users.ownerA.email, password: "a quiet harbour at dawn", createMerchant: "on", merchantName: "Hijack", merchantSlug: w.A.slug, merchantCategory: "FOOD" }),
    check: failedWith(/emailTaken|slugTaken/),
  },
  ["components/shell/notification-actions.ts#openNotificationAction"]: {
    kind: "user",
    why: "a notification is opened (marked read, followed) only by the user it was sent to",
    fields: (w) => ({ id: w.A.notificationId }),
    check: (result) => expect(result).toEqual({ ok: true }),
  },
  ["components/shell/notification-actions.ts#markAllNotificationsReadAction"]: {
    kind: "self",
    why: "marks the caller's own notifications read",
    fields: () => ({}),
    check: (result) => expect(result).toEqual({ ok: true }),
  },
  ["app/(auth)/sign-in/actions.ts#applySavedLocaleAction"]: {
    kind: "self",
    why: "sets the caller's own language cookie from the caller's own account",
    fields: () => ({}),
    check: (result) => expect(result).toBeUndefined(),
  },
  ["lib/i18n/actions.ts#setLocaleAction"]: {
    kind: "self",
    why: "sets the caller's own language cookie and saved language",
    fields: () => ({ locale: "en" }),
    check: (result) => expect(result).toBeUndefined(),
  },
};

export type ApiAttempt = (w: TenantWorld, call: (init: { path: string; params?: Record<string, string>; headers?: Record<string, string>; body?: string }) => Promise<Response>) => Promise<void>;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Every handler under app/api, keyed "METHOD route": the attempt a member of B (with B's key or session) makes against A. */
export const API_ROUTES: Record<string, { why: string; attempt: ApiAttempt } | { exempt: string }> = {
  "GET /api/auth/[...nextauth]": { exempt: "next-auth's own endpoints (CSRF-protected sign-in, session, sign-out); covered by the auth tests and e2e sign-in" },
  "POST /api/auth/[...nextauth]": { exempt: "next-auth's own endpoints (CSRF-protected sign-in, session, sign-out); covered by the auth tests and e2e sign-in" },
  "GET /api/v1/health": {
    why: "public liveness: no tenant data",
    attempt: async (w, call) => {
      const response = await call({ path: "/api/v1/health" });
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain(w.A.id);
    },
  },
  "GET /api/v1/openapi.json": {
    why: "public API description: no tenant data",
    attempt: async (w, call) => {
      const response = await call({ path: "/api/v1/openapi.json" });
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const id of [w.A.id, w.A.skillIntegrationId, w.A.orderExternalId]) expect(text).not.toContain(id);
    },
  },
  "GET /api/v1/analytics/attribution": {
    why: "an analytics key reads its own merchant only and cannot name another",
    attempt: async (w, call) => {
      for (const query of [`merchant=${w.A.slug}`, `merchantId=${w.A.id}`]) {
        const response = await call({ path: `/api/v1/analytics/attribution?${query}`, headers: bearer(w.B.analyticsKey) });
        expect(response.status, query).toBe(400);
        expect(await response.json()).toMatchObject({ error: { code: "unknown_parameter" } });
      }
      const own = await call({ path: "/api/v1/analytics/attribution", headers: bearer(w.B.analyticsKey) });
      expect(own.status).toBe(200);
      const text = await own.text();
      for (const id of [w.A.id, w.A.liveIntegrationId]) expect(text).not.toContain(id);
    },
  },
  "POST /api/v1/events/orders": {
    why: "only the platform ingest key writes events; a merchant's key or session cannot",
    attempt: async (w, call) => {
      const body = JSON.stringify({ events: [{ type: "CREATED", merchant: w.A.slug, externalId: "HIJACK-1", channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: 1, occurredAt: new Date().toISOString() }] });
      expect((await call({ path: "/api/v1/events/orders", body, headers: bearer(w.B.analyticsKey) })).status).toBe(403);
      expect((await call({ path: "/api/v1/events/orders", body })).status).toBe(401);
    },
  },
  "POST /api/v1/events/screen-reads": {
    why: "only the platform ingest key writes events; a merchant's key or session cannot",
    attempt: async (w, call) => {
      const body = JSON.stringify({ events: [{ merchant: w.A.slug, externalId: "HIJACK-SR", agent: w.agent.slug, pagePath: "/x", steps: 1, outcome: "COMPLETED", startedAt: new Date().toISOString(), durationMs: 1 }] });
      expect((await call({ path: "/api/v1/events/screen-reads", body, headers: bearer(w.B.analyticsKey) })).status).toBe(403);
      expect((await call({ path: "/api/v1/events/screen-reads", body })).status).toBe(401);
    },
  },
  "GET /api/v1/policy/decision": {
    why: "agent keys only; a merchant key cannot probe another merchant's policy",
    attempt: async (w, call) => {
      const response = await call({ path: `/api/v1/policy/decision?merchant=${w.A.slug}&agent=${w.agent.slug}&action=screen_read&path=/`, headers: bearer(w.B.analyticsKey) });
      expect(response.status).toBe(403);
    },
  },
  "GET /api/v1/merchants/[slug]/agent-policy.json": {
    why: "agent keys only (agents read any merchant's published policy by design); a merchant key cannot",
    attempt: async (w, call) => {
      const response = await call({ path: `/api/v1/merchants/${w.A.slug}/agent-policy.json`, params: { slug: w.A.slug }, headers: bearer(w.B.analyticsKey) });
      expect(response.status).toBe(403);
      expect((await call({ path: `/api/v1/merchants/${w.A.slug}/agent-policy.json`, params: { slug: w.A.slug } })).status).toBe(401);
    },
  },
  "GET /api/v1/registry": {
    why: "agent keys only",
    attempt: async (w, call) => {
      expect((await call({ path: "/api/v1/registry", headers: bearer(w.B.analyticsKey) })).status).toBe(403);
    },
  },
  "POST /api/v1/versions/[versionId]/transitions": {
    why: "A's versions, by id, from B's owner's session: 404 for the merchant's events, 403 for the reviewer's; nothing changes",
    attempt: async (w, call) => {
      for (const versionId of [w.A.skillDraftVersionId, w.A.mcpDraftVersionId, w.A.liveVersionId]) {
        const path = `/api/v1/versions/${versionId}/transitions`;
        for (const event of ["submit", "withdraw"]) {
          const response = await call({ path, params: { versionId }, headers: { "content-type": "application/json" }, body: JSON.stringify({ event, note: "hijack" }) });
          expect(response.status, `${event} ${versionId}`).toBe(404);
        }
        for (const event of ["claim", "approve", "reject"]) {
          const response = await call({ path, params: { versionId }, headers: { "content-type": "application/json" }, body: JSON.stringify({ event }) });
          expect(response.status, `${event} ${versionId}`).toBe(403);
        }
      }
    },
  },
  "GET /api/v1/integrations/[id]/export": {
    why: "A's integration, by id, from B's analytics key and from B's owner's session: 404 either way, any version",
    attempt: async (w, call) => {
      for (const id of [w.A.liveIntegrationId, w.A.skillIntegrationId, w.A.mcpIntegrationId]) {
        for (const query of ["format=openapi", "format=mcp-server-json&version=1"]) {
          const path = `/api/v1/integrations/${id}/export?${query}`;
          const withKey = await call({ path, params: { id }, headers: bearer(w.B.analyticsKey) });
          expect(withKey.status, `key ${path}`).toBe(404);
          const withSession = await call({ path, params: { id } });
          expect(withSession.status, `session ${path}`).toBe(404);
        }
      }
    },
  },
};
