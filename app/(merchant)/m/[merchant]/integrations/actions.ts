"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ActionError, actorOf, merchantAction } from "@/lib/auth/action";
import type { MerchantContext } from "@/lib/auth/session";
import { captureMcpServer } from "@/lib/checks/mcp-connect";
import { createCheckRun } from "@/lib/data/check-runs";
import {
  createDraftFrom,
  createIntegration,
  createIntegrationFromDefinition,
  deleteOperation,
  IntegrationError,
  saveOperation,
  updateMcpDraft,
} from "@/lib/data/integrations";
import { importIntegration } from "@/lib/integrations/formats";
import { checkSchemaText } from "@/lib/integrations/schema-text";
import { enqueueValidation } from "@/lib/jobs/boss";
import { createGuardedFetch } from "@/lib/net/guarded-fetch";
import { merchantHref } from "@/lib/navigation";
import {
  createIntegrationSchema,
  importMcpFormSchema,
  importWechatFormSchema,
  operationRefSchema,
  saveOperationSchema,
  updateMcpDraftSchema,
  versionRefSchema,
} from "@/lib/validation/integrations";
import { recordId } from "@/lib/validation/record-id";
import { z } from "zod";

// Thin actions: validated input → lib/data → revalidate/redirect. Authorization is in
// merchantAction (integrations:write); tenancy is in the data layer's where clauses.

const listHref = (ctx: MerchantContext) => merchantHref(ctx.merchant.slug, "integrations");
const integrationHref = (ctx: MerchantContext, integrationId: string, query = "") =>
  `${listHref(ctx)}/${encodeURIComponent(integrationId)}${query ? `?${query}` : ""}`;

function refused(error: unknown): never {
  if (error instanceof IntegrationError) {
    throw new ActionError(`integrations.errors.${error.code}`, error.code === "nameTaken" ? { name: ["integrations.errors.nameTaken"] } : error.code === "operationNameTaken" ? { name: ["integrations.errors.operationNameTaken"] } : undefined);
  }
  throw error;
}

export const createIntegrationAction = merchantAction("integrations:write", createIntegrationSchema, async (input, ctx) => {
  const created = await createIntegration({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), input }).catch(refused);
  revalidatePath(listHref(ctx));
  redirect(integrationHref(ctx, created.integrationId));
});

const integrationIdField = { integrationId: recordId() };

export const updateMcpDraftAction = merchantAction(
  "integrations:write",
  updateMcpDraftSchema.and(z.object(integrationIdField)),
  async (input, ctx) => {
    await updateMcpDraft({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), input }).catch(refused);
    revalidatePath(integrationHref(ctx, input.integrationId));
    return { ok: true, message: "saved" };
  },
);

export const saveOperationAction = merchantAction(
  "integrations:write",
  saveOperationSchema.and(z.object(integrationIdField)),
  async (input, ctx) => {
    const saved = await saveOperation({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), input }).catch(refused);
    revalidatePath(integrationHref(ctx, input.integrationId));
    return { ok: true, message: "saved", operationId: saved.operationId };
  },
);

export const deleteOperationAction = merchantAction(
  "integrations:write",
  operationRefSchema.extend(integrationIdField),
  async (input, ctx) => {
    await deleteOperation({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
    revalidatePath(integrationHref(ctx, input.integrationId));
    return { ok: true, message: "deleted" };
  },
);

export const createDraftAction = merchantAction("integrations:write", versionRefSchema.extend(integrationIdField), async (input, ctx) => {
  const draft = await createDraftFrom({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), versionId: input.versionId }).catch(refused);
  revalidatePath(integrationHref(ctx, input.integrationId));
  redirect(integrationHref(ctx, input.integrationId, `version=${encodeURIComponent(draft.versionId)}`));
});

export const runValidationAction = merchantAction("integrations:write", versionRefSchema.extend(integrationIdField), async (input, ctx) => {
  const run = await createCheckRun({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), versionId: input.versionId }).catch((error) => {
    if (error instanceof Error && error.name === "CheckRunError") throw new ActionError("integrations.errors.notFound");
    throw error;
  });
  if (run.created) await enqueueValidation({ runId: run.runId });
  revalidatePath(integrationHref(ctx, input.integrationId));
  redirect(integrationHref(ctx, input.integrationId, `version=${encodeURIComponent(input.versionId)}&run=${encodeURIComponent(run.runId)}`));
});

function importFailed(errors: Array<{ path: string; message: string }>): never {
  throw new ActionError("integrations.errors.importInvalid", { payload: errors.slice(0, 10).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) });
}

export const importWechatAction = merchantAction("integrations:write", importWechatFormSchema, async (input, ctx, formData) => {
  const file = formData.get("file");
  const text = file instanceof File && file.size > 0 ? await file.text() : input.payload;
  if (!text.trim()) throw new ActionError("integrations.errors.importEmpty", { payload: ["integrations.errors.importEmpty"] });
  const result = importIntegration({ format: "wechat-mcp-json", name: input.name, payload: text }, { merchant: { slug: ctx.merchant.slug, name: ctx.merchant.name }, category: ctx.merchant.category.toLowerCase() });
  if (!result.ok) importFailed(result.errors);
  const created = await createIntegrationFromDefinition({
    merchantId: ctx.merchant.id,
    actor: await actorOf(ctx.user),
    definition: result.definition,
    category: ctx.merchant.category,
    source: "wechat-mcp-json",
  }).catch(refused);
  revalidatePath(listHref(ctx));
  redirect(integrationHref(ctx, created.integrationId));
});

export const importMcpAction = merchantAction("integrations:write", importMcpFormSchema, async (input, ctx) => {
  // The tool list is read live, through the SSRF-guarded client (allow-list from the environment).
  const capture = await captureMcpServer({ url: input.endpointUrl, fetch: createGuardedFetch(), timeoutMs: 10_000 });
  if (capture.error && capture.tools.length === 0) {
    throw new ActionError("integrations.errors.importUnreachable", { endpointUrl: [capture.error.message] });
  }
  const result = importIntegration(
    { format: "mcp-tools", name: input.name, description: input.description, endpointUrl: input.endpointUrl, transport: capture.transport ?? input.transport, payload: { tools: capture.tools } },
    { merchant: { slug: ctx.merchant.slug, name: ctx.merchant.name }, category: input.category.toLowerCase() },
  );
  if (!result.ok) importFailed(result.errors);
  const created = await createIntegrationFromDefinition({
    merchantId: ctx.merchant.id,
    actor: await actorOf(ctx.user),
    definition: result.definition,
    category: input.category,
    source: "mcp-tools",
  }).catch(refused);
  revalidatePath(listHref(ctx));
  redirect(integrationHref(ctx, created.integrationId));
});

/**
 * The schema editor's meta-schema check while typing. Ajv compiles with `new Function`, which the
 * Content Security Policy forbids in the browser, so the check runs here; saving checks again.
 */
export const checkSchemaAction = merchantAction(
  "integrations:write",
  z.object({ text: z.string().max(200_000), optional: z.enum(["0", "1"]).default("0") }),
  async ({ text, optional }) => {
    const result = checkSchemaText(text, { optional: optional === "1" });
    return { ok: true, issues: result.ok ? [] : result.issues };
  },
);
