import { describe, expect, it } from "vitest";
import { commonPasswords } from "./common-passwords";
import { checkPassword, passwordMaxLength, passwordMinLength } from "./password-policy";

describe("checkPassword", () => {
  it("accepts a reasonable password", () => {
    expect(checkPassword("Skillgate-demo-2026")).toBeNull();
    expect(checkPassword("correct horse battery staple")).toBeNull();
  });

  it("enforces the minimum length in code points", () => {
    expect(checkPassword("a".repeat(passwordMinLength - 1) )).toBe("tooShort");
    expect(checkPassword("x7#kQ2!m")).toBeNull();
    // Seven emoji are 14 UTF-16 units but only 7 characters.
    expect(checkPassword("🐱🐶🐭🐹🐰🦊🐻")).toBe("tooShort");
    expect(checkPassword("我的密码是很长的一句话")).toBeNull();
  });

  it("allows at least 128 characters and rejects beyond the ceiling", () => {
    expect(passwordMaxLength).toBeGreaterThanOrEqual(128);
    expect(checkPassword("k9".repeat(64))).toBeNull();
    expect(checkPassword("z".repeat(passwordMaxLength))).toBeNull();
    expect(checkPassword("z".repeat(passwordMaxLength + 1))).toBe("tooLong");
  });

  it("rejects common passwords regardless of case", () => {
    expect(checkPassword("password123")).toBe("common");
    expect(checkPassword("PassWord123")).toBe("common");
    expect(checkPassword("qwertyuiop")).toBe("common");
    expect(commonPasswords.length).toBeGreaterThanOrEqual(200);
  });

  it("rejects the email address or its local part", () => {
    expect(checkPassword("alice.wong@example.com", { email: "Alice.Wong@example.com" })).toBe("sameAsEmail");
    expect(checkPassword("alice.wong", { email: "alice.wong@example.com" })).toBe("sameAsEmail");
    expect(checkPassword("alice.wong.2026!", { email: "alice.wong@example.com" })).toBeNull();
  });
});
