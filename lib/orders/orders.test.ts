import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "./csv";
import { decodeCursor, encodeCursor } from "./cursor";
import { fenToYuan, parseYuanToFen } from "./yuan";

describe("yuan ⇄ fen", () => {
  it("parses yuan exactly", () => {
    expect(parseYuanToFen("12")).toBe(1200n);
    expect(parseYuanToFen("12.5")).toBe(1250n);
    expect(parseYuanToFen("0.01")).toBe(1n);
    expect(parseYuanToFen(" 1,234.56 ")).toBe(123456n);
    // 0.1 + 0.2 style float noise cannot happen: 0.29 stays 29 fen.
    expect(parseYuanToFen("0.29")).toBe(29n);
    expect(parseYuanToFen("9999999999999.99")).toBe(999999999999999n);
  });

  it("rejects negatives, three decimals and junk", () => {
    for (const bad of ["-1", "1.234", "abc", "", "1e3", "1.", ".5"]) expect(parseYuanToFen(bad)).toBeNull();
  });

  it("formats fen as yuan with two decimals", () => {
    expect(fenToYuan(1250n)).toBe("12.50");
    expect(fenToYuan(1n)).toBe("0.01");
    expect(fenToYuan(0n)).toBe("0.00");
    expect(fenToYuan(-205n)).toBe("-2.05");
    expect(fenToYuan(9_223_372_036_854_775_807n)).toBe("92233720368547758.07");
  });
});

describe("cursor", () => {
  it("round-trips and refuses tampering", () => {
    const cursor = { occurredAt: new Date("2026-11-01T12:34:56.789Z"), id: 12345678901234n };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from("2026-11-01|1; drop").toString("base64url"))).toBeNull();
  });
});

describe("csv", () => {
  it("quotes what needs quoting and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(12n)).toBe("12");
    expect(csvRow(["a", "b"])).toBe("a,b\r\n");
  });

  it("defuses spreadsheet formulas in free text only", () => {
    expect(csvField("=HYPERLINK(1)", { text: true })).toBe("'=HYPERLINK(1)");
    expect(csvField("-5", { text: true })).toBe("'-5");
    expect(csvField("-5")).toBe("-5");
  });
});
