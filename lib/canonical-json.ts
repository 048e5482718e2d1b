// Canonical JSON (object keys sorted in UTF-16 order as RFC 8785, no whitespace, `undefined`
// members dropped, non-finite numbers as null like JSON.stringify) and its SHA-256. One
// definition for every hash the platform stores: ingestion body hashes (duplicate vs conflict)
// and the tool-list hash that approval binds to.
import { createHash, hash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  // crypto.hash (Node ≥ 20.12) is the one-shot form: several times cheaper than a Hash stream.
  return typeof hash === "function" ? hash("sha256", text, "hex") : createHash("sha256").update(text, "utf8").digest("hex");
}

export function bodyHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}
