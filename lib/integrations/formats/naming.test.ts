import { describe, expect, it } from "vitest";
import type { IntegrationDefinition } from "@/lib/integrations/definition";
import { gatewayUrl, registryName, slugify, slugWithFallback, truncate } from "@/lib/integrations/formats/naming";

const definition = (name: string, merchantSlug = "lucky-bean"): IntegrationDefinition => ({
  kind: "SKILL",
  name,
  description: "",
  category: "food",
  merchant: { slug: merchantSlug, name: "幸运豆" },
  version: 2,
  operations: [],
});

describe("slugify", () => {
  it("keeps lower-case ASCII letters, digits and single hyphens", () => {
    expect(slugify("  Order Coffee (v2)!  ")).toBe("order-coffee-v2");
    expect(slugify("Café Crème")).toBe("cafe-creme");
    expect(slugify("a__b--c")).toBe("a-b-c");
  });

  it("gives nothing for a name with no ASCII letters", () => {
    expect(slugify("咖啡点单")).toBe("");
    expect(slugify("—")).toBe("");
  });

  it("stays within a DNS label and never ends with a hyphen", () => {
    const slug = slugify(`${"a".repeat(62)} b`);
    expect(slug.length).toBeLessThanOrEqual(63);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("slugWithFallback", () => {
  it("falls back to the id, then to a stable fingerprint", () => {
    expect(slugWithFallback("Coffee", "i", "cm1")).toBe("coffee");
    expect(slugWithFallback("咖啡点单", "i", "CM1xyz")).toBe("i-cm1xyz");
    expect(slugWithFallback("咖啡点单", "i")).toMatch(/^i-[0-9a-f]{8}$/);
    expect(slugWithFallback("咖啡点单", "i")).toBe(slugWithFallback("咖啡点单", "i"));
    expect(slugWithFallback("咖啡点单", "i")).not.toBe(slugWithFallback("咖啡外卖", "i"));
  });
});

describe("registryName", () => {
  it("is cn.skillgate.<merchant>/<integration> and matches the registry pattern", () => {
    for (const [name, merchant] of [
      ["Order Coffee", "lucky-bean"],
      ["咖啡点单", "幸运豆"],
      ["x".repeat(300), "M".repeat(300)],
    ] as const) {
      const result = registryName(definition(name, merchant));
      expect(result).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
      expect(result.length).toBeLessThanOrEqual(200);
      expect(result.startsWith("cn.skillgate.")).toBe(true);
    }
    expect(registryName(definition("Order Coffee"))).toBe("cn.skillgate.lucky-bean/order-coffee");
  });
});

describe("gatewayUrl", () => {
  it("joins the base URL without doubling slashes", () => {
    expect(gatewayUrl("https://skillgate.example/", "mcp", definition("Order Coffee"))).toBe(
      "https://skillgate.example/mcp/lucky-bean/order-coffee",
    );
  });
});

describe("truncate", () => {
  it("cuts by characters, not UTF-16 units, and marks the cut", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("😀".repeat(5), 3)).toBe("😀😀…");
  });
});
