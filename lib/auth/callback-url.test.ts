import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInPath } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps local paths with their query", () => {
    expect(safeCallbackUrl("/m/lumen-coffee/settings?tab=members")).toBe("/m/lumen-coffee/settings?tab=members");
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "evil", "/\tx", "", null, 42]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
    expect(safeCallbackUrl("//evil", "/home")).toBe("/home");
  });
});

describe("signInPath", () => {
  it("carries a safe callback and drops an unsafe one", () => {
    expect(signInPath("/invite/abc")).toBe("/sign-in?callbackUrl=%2Finvite%2Fabc");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath()).toBe("/sign-in");
  });
});
