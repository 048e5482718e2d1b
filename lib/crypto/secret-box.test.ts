import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips, including non-ASCII, and never stores the plaintext", () => {
    for (const secret of ["s3cret-token", "密钥🙂", ""]) {
      const sealed = encryptSecret(secret, key);
      if (secret) expect(sealed).not.toContain(secret);
      expect(sealed.startsWith("v1.")).toBe(true);
      expect(decryptSecret(sealed, key)).toBe(secret);
    }
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses tampered ciphertext and the wrong key", () => {
    const sealed = encryptSecret("token", key);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0]! ^= 1;
    parts[3] = flipped.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    expect(() => decryptSecret("plain", key)).toThrow(/Not an encrypted secret/);
  });

  it("validates the configured key", () => {
    expect(() => parseEncryptionKey(undefined)).toThrow(/not set/);
    expect(() => parseEncryptionKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
    expect(parseEncryptionKey(key.toString("base64"))).toEqual(key);
  });
});
