import { describe, expect, it } from "vitest";
import { createWebhookEndpointSchema, setWebhookEndpointEnabledSchema } from "./webhooks";

describe("createWebhookEndpointSchema", () => {
  it("accepts one event or several (a checkbox group), without duplicates", () => {
    expect(createWebhookEndpointSchema.parse({ url: " https://x.example/h ", events: "statement.ready" })).toEqual({ url: "https://x.example/h", description: "", events: ["statement.ready"] });
    expect(createWebhookEndpointSchema.parse({ url: "https://x.example/h", events: ["statement.ready", "integration.suspended", "statement.ready"] }).events).toEqual([
      "statement.ready",
      "integration.suspended",
    ]);
  });

  it("refuses no events, an unknown event, the test event and an empty URL with catalogue keys", () => {
    const messages = (input: unknown) => createWebhookEndpointSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(messages({ url: "https://x.example/h" })).toEqual(["webhooks.validation.eventsRequired"]);
    expect(messages({ url: "https://x.example/h", events: "order.paid" })).toEqual(["webhooks.validation.eventInvalid"]);
    expect(messages({ url: "https://x.example/h", events: "webhook.test" })).toEqual(["webhooks.validation.eventInvalid"]);
    expect(messages({ url: " ", events: "statement.ready" })).toEqual(["webhooks.validation.urlRequired"]);
  });
});

describe("setWebhookEndpointEnabledSchema", () => {
  it("reads the flag", () => {
    expect(setWebhookEndpointEnabledSchema.parse({ endpointId: "e1", enabled: "false" }).enabled).toBe(false);
    expect(setWebhookEndpointEnabledSchema.safeParse({ endpointId: "e1", enabled: "yes" }).success).toBe(false);
  });
});
