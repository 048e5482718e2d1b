import { describe, expect, it } from "vitest";
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import coffeeShop from "@/lib/integrations/formats/fixtures/coffee-shop.mcp.json";
import { exportWechatManifest, importWechatManifest } from "@/lib/integrations/formats/wechat-manifest";

const merchant = { slug: "lucky-bean", name: "幸运豆咖啡" };

function imported(json: unknown = coffeeShop): IntegrationDefinition {
  const result = importWechatManifest(json, { merchant, category: "food" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

describe("importWechatManifest", () => {
  it("turns every api into a Skill operation with its schemas and annotations", () => {
    const definition = imported();
    expect(definition.kind).toBe("SKILL");
    expect(definition.name).toBe("lucky-bean-coffee");
    expect(definition.category).toBe("food");
    expect(definition.merchant).toEqual(merchant);
    expect(definition.operations.map((op) => op.name)).toEqual(["searchMenu", "placeOrder", "getOrderStatus"]);

    const [search, order, status] = definition.operations;
    expect(search?.inputSchema).toEqual(coffeeShop.apis[0]?.inputSchema);
    expect(search?.outputSchema).toEqual(coffeeShop.apis[0]?.outputSchema);
    expect(search?.title).toBe("searchMenu");
    expect(search?.annotations).toEqual({ readOnly: true });
    expect(order?.title).toBe("下单");
    expect(order?.annotations).toEqual({
      readOnly: false,
      destructive: false,
      idempotent: false,
      movesMoney: true,
      needsConfirmation: true,
    });
    expect(status?.annotations).toEqual({ readOnly: true, idempotent: true });
  });

  it("has no HTTP endpoint for mini-program apis and keeps component/page links as metadata", () => {
    const [search, order, status] = imported().operations;
    expect(order?.httpMethod).toBeUndefined();
    expect(order?.url).toBeUndefined();
    expect(search?.metadata?.ui).toEqual({ componentPath: "components/menu-list/index" });
    expect(order?.metadata?.ui).toEqual({
      componentPath: "components/order-card/index",
      pagePath: "/pages/order/confirm",
    });
    expect(status?.metadata?.ui).toEqual({ pagePath: "/pages/order/detail" });
  });

  it("keeps components[] (with their extra fields) in definition metadata", () => {
    const definition = imported();
    expect(definition.metadata?.wechat).toMatchObject({ components: coffeeShop.components });
  });

  it("accepts the manifest as JSON text and lets the caller name the integration", () => {
    const result = importWechatManifest(JSON.stringify(coffeeShop), { merchant, name: " 咖啡点单 " });
    expect(result.ok && result.definition.name).toBe("咖啡点单");
    expect(result.ok && result.definition.category).toBe("other");
  });
});

describe("exportWechatManifest", () => {
  it("gives back exactly the imported manifest", () => {
    expect(exportWechatManifest(imported())).toEqual(coffeeShop);
  });

  it("round-trips import → export → import with every operation and schema equal", () => {
    const first = imported();
    const second = imported(exportWechatManifest(first));
    expect(second).toEqual(first);
    second.operations.forEach((op, index) => {
      expect(op.inputSchema).toEqual(coffeeShop.apis[index]?.inputSchema);
      expect(op.outputSchema).toEqual(coffeeShop.apis[index]?.outputSchema);
    });
  });

  it("carries an HTTP Skill's endpoint and prompts through _meta and back", () => {
    const skill: IntegrationDefinition = {
      kind: "SKILL",
      name: "Ride booking",
      description: "Book rides",
      category: "mobility",
      merchant: { slug: "swift-ride", name: "Swift Ride" },
      version: 1,
      operations: [
        {
          name: "book_ride",
          title: "Book a ride",
          description: "Books a ride",
          inputSchema: { type: "object", properties: { to: { type: "string" } }, required: ["to"] },
          outputSchema: { type: "object", properties: { rideId: { type: "string" } } },
          httpMethod: "POST",
          url: "https://api.swift-ride.example/v1/rides",
          annotations: { readOnly: false, movesMoney: true },
          examplePrompts: ["book a ride to the airport"],
        },
      ],
    };
    const manifest = exportWechatManifest(skill);
    expect(manifest.apis).toEqual([
      expect.objectContaining({
        name: "book_ride",
        title: "Book a ride",
        annotations: { readOnlyHint: false },
        _meta: {
          "skillgate/movesMoney": true,
          "skillgate/httpMethod": "POST",
          "skillgate/url": "https://api.swift-ride.example/v1/rides",
          "skillgate/examplePrompts": ["book a ride to the airport"],
        },
      }),
    ]);
    expect(manifest).not.toHaveProperty("components");
    const back = importWechatManifest(manifest, { merchant: skill.merchant, category: "mobility" });
    expect(back.ok && back.definition).toEqual(skill);
  });
});

describe("bad manifests", () => {
  function errorsOf(json: unknown) {
    const result = importWechatManifest(json, { merchant });
    if (result.ok) throw new Error("expected the import to fail");
    return result.errors;
  }

  it("points at the exact api and field", () => {
    const manifest = clone(coffeeShop) as { apis: Record<string, unknown>[] };
    manifest.apis[2]!.inputSchema = "orderId: string";
    delete manifest.apis[1]!.description;
    expect(errorsOf(manifest)).toEqual([
      { path: "apis[1].description", message: "is required" },
      { path: "apis[2].inputSchema", message: "must be an object" },
    ]);
  });

  it("rejects arrays where schemas belong, and bad names", () => {
    const manifest = clone(coffeeShop) as { apis: Record<string, unknown>[] };
    manifest.apis[0]!.outputSchema = [];
    manifest.apis[1]!.name = "place order";
    expect(errorsOf(manifest)).toEqual([
      { path: "apis[0].outputSchema", message: "must be an object" },
      { path: "apis[1].name", message: "must be 1-128 letters, digits, '_', '-' or '.'" },
    ]);
  });

  it("checks components and their links", () => {
    const manifest = clone(coffeeShop) as { components: Record<string, unknown>[] };
    manifest.components[0]!.relatedPage = "pages/menu/index";
    manifest.components[1]!.path = "components/order-card";
    expect(errorsOf(manifest)).toEqual([
      { path: "components[0].relatedPage", message: 'must be an absolute page path starting with "/"' },
      { path: "apis[1]._meta.ui.componentPath", message: 'no components[] entry has path "components/order-card/index"' },
    ]);
  });

  it("reports duplicate api names with the earlier index", () => {
    const manifest = clone(coffeeShop) as { apis: Record<string, unknown>[] };
    manifest.apis[2]!.name = "searchMenu";
    expect(errorsOf(manifest)).toEqual([
      { path: "apis[2].name", message: 'duplicate api name "searchMenu" (also apis[0])' },
    ]);
  });

  it("needs apis[] and a JSON object", () => {
    expect(errorsOf({ components: [] })).toEqual([{ path: "apis", message: "is required" }]);
    expect(errorsOf({ apis: [] })).toEqual([{ path: "apis", message: "must list at least one api" }]);
    expect(errorsOf([])).toEqual([{ path: "", message: "must be a JSON object" }]);
    expect(errorsOf("{ not json")[0]?.message).toMatch(/^is not valid JSON/);
  });

  it("checks annotation hints are booleans", () => {
    const manifest = clone(coffeeShop) as { apis: Record<string, unknown>[] };
    manifest.apis[0]!.annotations = { readOnlyHint: "yes" };
    expect(errorsOf(manifest)).toEqual([
      { path: "apis[0].annotations.readOnlyHint", message: "must be true or false" },
    ]);
  });
});
