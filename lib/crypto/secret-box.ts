// Secrets at rest (merchant endpoint bearer tokens, webhook signing secrets): AES-256-GCM with a
// key from SKILLGATE_ENCRYPTION_KEY (32 bytes, base64). Stored as `v1.<iv>.<tag>.<ciphertext>`
// in base64url so a later key rotation can add `v2` without guessing formats.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

export function parseEncryptionKey(base64: string | undefined): Buffer {
  if (!base64) throw new Error("SKILLGATE_ENCRYPTION_KEY is not set (32 bytes, base64).");
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("SKILLGATE_ENCRYPTION_KEY must decode to exactly 32 bytes.");
  return key;
}

function environmentKey(): Buffer {
  return parseEncryptionKey(process.env.SKILLGATE_ENCRYPTION_KEY);
}

export function encryptSecret(plaintext: string, key: Buffer = environmentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

export function decryptSecret(sealed: string, key: Buffer = environmentKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted secret.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
