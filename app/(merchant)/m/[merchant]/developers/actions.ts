"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, actorOf, merchantAction } from "@/lib/auth/action";
import type { MerchantContext } from "@/lib/auth/session";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
  WebhookError,
} from "@/lib/data/webhooks";
import { readOutboundAllowList } from "@/lib/net/allow-list";
import { parseOutboundUrl } from "@/lib/net/url-policy";
import { merchantHref } from "@/lib/navigation";
import {
  createWebhookEndpointSchema,
  setWebhookEndpointEnabledSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryIdSchema,
  webhookEndpointIdSchema,
} from "@/lib/validation/webhooks";

function refused(error: unknown): never {
  if (error instanceof WebhookError) throw new ActionError(error.message);
  throw error;
}

const developersPath = (ctx: MerchantContext) => merchantHref(ctx.merchant.slug, "developers");

function refresh(ctx: MerchantContext) {
  revalidatePath(developersPath(ctx), "layout");
}

/** https to a public address (or an allow-listed development receiver); checked again on every delivery. */
function checkReachable(url: string): string {
  const verdict = parseOutboundUrl(url, { allowList: readOutboundAllowList(), requireHttps: true });
  if (!verdict.ok) throw new ActionError("webhooks.validation.urlRefused", { url: [`webhooks.validation.url.${verdict.code}`] });
  return verdict.url.href;
}

export const createWebhookEndpointAction = merchantAction("webhooks:manage", createWebhookEndpointSchema, async (input, ctx) => {
  const url = checkReachable(input.url);
  const { endpointId, secret } = await createWebhookEndpoint({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), url, description: input.description, events: input.events });
  refresh(ctx);
  return { ok: true, endpointId, secret };
});

export const updateWebhookEndpointAction = merchantAction("webhooks:manage", updateWebhookEndpointSchema, async (input, ctx) => {
  await updateWebhookEndpoint({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), ...input }).catch(refused);
  refresh(ctx);
  return { ok: true, message: (await getTranslations("webhooks"))("saved") };
});

export const rotateWebhookSecretAction = merchantAction("webhooks:manage", webhookEndpointIdSchema, async ({ endpointId }, ctx) => {
  const { secret } = await rotateWebhookSecret({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), endpointId }).catch(refused);
  refresh(ctx);
  return { ok: true, secret };
});

export const setWebhookEndpointEnabledAction = merchantAction("webhooks:manage", setWebhookEndpointEnabledSchema, async ({ endpointId, enabled }, ctx) => {
  await setWebhookEndpointEnabled({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), endpointId, enabled }).catch(refused);
  refresh(ctx);
  return { ok: true, message: (await getTranslations("webhooks"))(enabled ? "enabledDone" : "disabledDone") };
});

export const deleteWebhookEndpointAction = merchantAction("webhooks:manage", webhookEndpointIdSchema, async ({ endpointId }, ctx) => {
  await deleteWebhookEndpoint({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), endpointId }).catch(refused);
  refresh(ctx);
  return { ok: true, message: (await getTranslations("webhooks"))("deleted") };
});

export const sendWebhookTestEventAction = merchantAction("webhooks:manage", webhookEndpointIdSchema, async ({ endpointId }, ctx) => {
  await sendWebhookTestEvent({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), endpointId }).catch(refused);
  refresh(ctx);
  return { ok: true, message: (await getTranslations("webhooks"))("testQueued") };
});

export const redeliverWebhookAction = merchantAction("webhooks:manage", webhookDeliveryIdSchema, async ({ deliveryId }, ctx) => {
  await redeliverWebhook({ merchantId: ctx.merchant.id, actor: await actorOf(ctx.user), deliveryId }).catch(refused);
  refresh(ctx);
  return { ok: true, message: (await getTranslations("webhooks"))("redeliveryQueued") };
});
