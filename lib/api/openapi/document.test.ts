import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parseOrderEvent, parseScreenReadSession } from "@/lib/validation/events";
import { GET } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "./document";

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(openApiDocument("https://skillgate.example") as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is served at /api/v1/openapi.json with the request's origin as server", async () => {
    const response = GET(new Request("https://skillgate.example/api/v1/openapi.json"));
    const body = await response.json();
    expect(body.servers).toEqual([{ url: "https://skillgate.example" }]);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/api/v1/events/orders", "/api/v1/events/screen-reads"]));
  });

  it("describes the events the zod schemas accept, and refuses what they refuse", () => {
    const doc = openApiDocument();
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", components: doc.components });
    const order = ajv.compile({ $ref: "doc#/components/schemas/OrderEvent" });
    const session = ajv.compile({ $ref: "doc#/components/schemas/ScreenReadSessionEvent" });
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const samples = [
      { type: "CREATED", merchant: "lumen-coffee", externalId: "A-1", channel: "AI_SKILL", agent: "aurora", integrationId: "i1", operation: "order", paymentMethod: "TOKEN_PAY", amountFen: "1", isVerification: true, occurredAt: at },
      { type: "CREATED", merchant: "lumen-coffee", externalId: "A-1", channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: 1800, occurredAt: at },
      { type: "REFUNDED", merchant: "lumen-coffee", externalId: "A-1", sequence: 2, refundedFen: 5, occurredAt: at },
      { type: "CANCELLED", merchant: "lumen-coffee", externalId: "A-1", occurredAt: at },
      { type: "CREATED", merchant: "lumen-coffee", externalId: "A-1", channel: "ORGANIC", paymentMethod: "STANDARD", amountFen: -1, occurredAt: at },
      { type: "REFUNDED", merchant: "lumen-coffee", externalId: "A-1", refundedFen: 5, occurredAt: at, extra: 1 },
      { type: "SHIPPED", merchant: "lumen-coffee", externalId: "A-1", occurredAt: at },
    ];
    for (const sample of samples) expect(order(sample), JSON.stringify(sample)).toBe(parseOrderEvent(sample).ok);
    const s = { merchant: "m", externalId: "S", agent: "a", pagePath: "/x", steps: 1, outcome: "TIMEOUT", startedAt: at, durationMs: 5 };
    for (const sample of [s, { ...s, pagePath: "x" }, { ...s, steps: 1.5 }]) expect(session(sample)).toBe(parseScreenReadSession(sample).ok);
  });
});
