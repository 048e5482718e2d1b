// Secrets the zero-setup run needs but nobody configured: generated once and kept under .data/
// so sessions and encrypted values survive a restart. Production sets them in the environment.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const file = path.resolve(process.env.SKILLGATE_DATA_DIR ?? ".data", "local-secrets.json");

export function localSecret(name: string): string {
  const secrets: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (!secrets[name]) {
    secrets[name] = randomBytes(32).toString("base64");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}
