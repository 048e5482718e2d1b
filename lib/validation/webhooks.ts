// Webhook endpoint forms. Messages are catalogue keys (webhooks.validation.*). Whether the URL
// may be reached at all (public address, https) is decided by the outbound URL policy in the
// action, with the environment's allow-list; this only checks the shape.
import { z } from "zod";
import { recordId } from "./record-id";
import { webhookEventTypes } from "@/lib/webhooks/events";

const v = (key: string) => `webhooks.validation.${key}`;
const id = recordId();

const events = z
  .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(webhookEventTypes, { error: v("eventInvalid") })))
  .refine((list) => list.length > 0, v("eventsRequired"))
  .transform((list) => [...new Set(list)]);

export const createWebhookEndpointSchema = z.object({
  url: z.string().trim().min(1, v("urlRequired")).max(2048, v("urlTooLong")),
  description: z.string().trim().max(200, v("descriptionTooLong")).default(""),
  events,
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z.object({
  endpointId: id,
  description: z.string().trim().max(200, v("descriptionTooLong")).default(""),
  events,
});

export const webhookEndpointIdSchema = z.object({ endpointId: id });
export const setWebhookEndpointEnabledSchema = z.object({ endpointId: id, enabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const webhookDeliveryIdSchema = z.object({ deliveryId: id });
