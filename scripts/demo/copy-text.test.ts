import { describe, expect, it } from "vitest";
import { escapeCopyText } from "./copy-text";

describe("escapeCopyText", () => {
  it("leaves plain text alone", () => {
    expect(escapeCopyText('{"a":"流明 /checkout/pay"}')).toBe('{"a":"流明 /checkout/pay"}');
  });
  it("escapes the characters COPY text format treats specially", () => {
    expect(escapeCopyText("a\\b")).toBe("a\\\\b");
    expect(escapeCopyText("a\tb\nc\rd")).toBe("a\\tb\\nc\\rd");
    expect(escapeCopyText('{"s":"x\\"y"}')).toBe('{"s":"x\\\\"y"}');
    // "\N" typed by someone is data, not NULL, once escaped.
    expect(escapeCopyText("\\N")).toBe("\\\\N");
  });
});
