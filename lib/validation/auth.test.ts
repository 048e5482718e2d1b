import { describe, expect, it } from "vitest";
import { registerSchema, signInSchema } from "./auth";

function messages(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("signInSchema", () => {
  it("normalises the email", () => {
    const parsed = signInSchema.parse({ email: "  Owner@Lumen.DEMO ", password: "x" });
    expect(parsed.email).toBe("owner@lumen.demo");
  });
  it("reports catalogue keys", () => {
    expect(messages(signInSchema.safeParse({ email: "nope", password: "" }))).toEqual({
      email: "auth.validation.emailInvalid",
      password: "auth.validation.passwordRequired",
    });
  });
});

describe("registerSchema", () => {
  const base = { name: "Ada", email: "ada@example.com", password: "Skillgate-demo-2026" };

  it("accepts a user without a merchant", () => {
    expect(registerSchema.parse(base)).toEqual({ ...base, merchant: null });
  });

  it("applies the password policy", () => {
    expect(messages(registerSchema.safeParse({ ...base, password: "password1" })).password).toBe("auth.validation.passwordCommon");
    expect(messages(registerSchema.safeParse({ ...base, password: "short" })).password).toBe("auth.validation.passwordTooShort");
  });

  it("requires merchant fields only when creating a merchant", () => {
    const withMerchant = { ...base, createMerchant: "on", merchantName: "Ada Tea", merchantSlug: "Ada-Tea", merchantCategory: "FOOD" };
    expect(registerSchema.parse(withMerchant).merchant).toEqual({ name: "Ada Tea", slug: "ada-tea", category: "FOOD" });
    const bad = messages(registerSchema.safeParse({ ...withMerchant, merchantSlug: "-x", merchantCategory: "SPACE" }));
    expect(bad.merchantSlug).toBe("auth.validation.slugInvalid");
    expect(bad.merchantCategory).toBe("auth.validation.categoryRequired");
    // Ignored when the box is not ticked.
    expect(registerSchema.parse({ ...base, merchantSlug: "-x" }).merchant).toBeNull();
  });
});
