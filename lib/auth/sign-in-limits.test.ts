import { describe, expect, it } from "vitest";
import { clientAddress, signInAccountKey, signInAddressKey } from "./sign-in-limits";

describe("clientAddress", () => {
  it("takes the first x-forwarded-for entry", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.2" })).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": " 2001:db8::1 ,10.0.0.1" }))).toBe("2001:db8::1");
  });

  it("falls back to x-real-ip, then to a shared bucket", () => {
    expect(clientAddress({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientAddress({ "x-forwarded-for": "", "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("rate-limit keys", () => {
  it("normalise the email so case does not open a second bucket", () => {
    expect(signInAccountKey(" Owner@Lumen.demo ")).toBe(signInAccountKey("owner@lumen.demo"));
    expect(signInAccountKey("a@x.io")).not.toBe(signInAddressKey("a@x.io"));
  });
});
