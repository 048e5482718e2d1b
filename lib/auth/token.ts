import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random secret (256 bits) for links that are shown once. */
export function createSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database stores instead of the token: a leaked table gives no usable links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
