import { describe, expect, it } from "vitest";
import { demoId } from "@/lib/demo/ids";
import { recordId } from "./record-id";

describe("recordId", () => {
  const schema = recordId();

  it("accepts cuid-shaped ids from Prisma and from the demo generator", () => {
    expect(schema.safeParse("cmij4k2x80000qz3b7h1c9d2e").success).toBe(true);
    expect(schema.safeParse(demoId(7, "integration", "lumen")).success).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["NUL inside", "a\u0000b"],
    ["control character", "abc\n"],
    ["path characters", "../etc"],
    ["unicode", "订单"],
    ["overlong", "a".repeat(65)],
  ])("refuses %s with the catalogue message", (_name, value) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("errors.invalidRecordId");
  });

  it("refuses non-strings", () => {
    expect(schema.safeParse(42).success).toBe(false);
    expect(schema.safeParse(undefined).success).toBe(false);
  });
});
