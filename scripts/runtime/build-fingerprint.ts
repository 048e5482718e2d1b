// "Build if needed": a hash of everything `next build` reads, stored beside the build output.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const inputs = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const skipped = new Set(["node_modules", "generated"]);

function collect(entry: string, out: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (!skipped.has(child)) collect(path.join(entry, child), out);
    }
  } else if (!/\.test\.tsx?$/.test(entry)) {
    out.push(entry);
  }
}

export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const input of inputs) collect(input, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

function stampPath(distDir: string) {
  return path.join(distDir, "skillgate-source-fingerprint");
}

export function buildIsCurrent(distDir: string): boolean {
  const stamp = stampPath(distDir);
  return existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceFingerprint();
}

export function markBuilt(distDir: string): void {
  writeFileSync(stampPath(distDir), sourceFingerprint());
}
