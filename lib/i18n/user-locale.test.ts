import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { fromUserLocale, toUserLocale } from "./user-locale";

describe("user locale mapping", () => {
  it("maps app locales to the database enum and back", () => {
    expect(toUserLocale("zh-CN")).toBe("zh_CN");
    expect(toUserLocale("en")).toBe("en");
    for (const locale of locales) expect(fromUserLocale(toUserLocale(locale))).toBe(locale);
  });
});
