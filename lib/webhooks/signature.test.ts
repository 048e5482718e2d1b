import { describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { generateWebhookSecret, isWebhookSecret, signingSecrets, signWebhook, webhookHeaders } from "./signature";

const body = JSON.stringify({ type: "integration.version.live", timestamp: "2026-11-28T10:00:00.000Z", data: { integrationId: "int_1", amountFen: "1234" } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("webhook signatures (Standard Webhooks)", () => {
  it("are verified by the standardwebhooks reference package", () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders([secret], { messageId: "msg_abc", timestamp: nowSeconds(), body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("match the reference package's own signature byte for byte", () => {
    const secret = generateWebhookSecret();
    const at = new Date("2026-11-28T10:00:00Z");
    expect(signWebhook(secret, { messageId: "msg_1", timestamp: at.getTime() / 1000, body })).toBe(new Webhook(secret).sign("msg_1", at, body));
  });

  it("are refused for a different secret, a changed body, id or timestamp", () => {
    const secret = generateWebhookSecret();
    const ts = nowSeconds();
    const headers = webhookHeaders([secret], { messageId: "msg_abc", timestamp: ts, body });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body.replace("1234", "9999"), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_other" })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-timestamp": String(ts - 1) })).toThrow(WebhookVerificationError);
  });

  it("during a rotation carry both signatures, and each secret verifies alone", () => {
    const previous = generateWebhookSecret();
    const current = generateWebhookSecret();
    const headers = webhookHeaders([current, previous], { messageId: "msg_rot", timestamp: nowSeconds(), body });
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it("sign with the previous secret only until it expires", () => {
    const now = new Date("2026-11-28T12:00:00Z");
    const later = new Date(now.getTime() + 1000);
    const earlier = new Date(now.getTime() - 1000);
    expect(signingSecrets({ current: "a", previous: "b", previousExpiresAt: later, now })).toEqual(["a", "b"]);
    expect(signingSecrets({ current: "a", previous: "b", previousExpiresAt: earlier, now })).toEqual(["a"]);
    expect(signingSecrets({ current: "a", previous: null, previousExpiresAt: null, now })).toEqual(["a"]);
  });

  it("use whsec_ secrets of 24 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(isWebhookSecret(secret)).toBe(true);
    expect(isWebhookSecret("whsec_short")).toBe(false);
    expect(isWebhookSecret("sk_" + secret.slice(6))).toBe(false);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
