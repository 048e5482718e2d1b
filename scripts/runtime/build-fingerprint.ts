// "Build if needed": a hash of everything `next build` reads, stored beside the build output.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// instrumentation.ts and proxy.ts are part of the build too (instrumentation.ts also publishes
// the fast path's handlers); scripts/runtime/server.ts is not: it runs from source under tsx.
const inputs = ["app", "components", "lib", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
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

// `next build` rewrites tsconfig.json (reformatted, plus `<distDir>/types` in "include"), so
// every build with its own NEXT_DIST_DIR would change everyone's fingerprint: hash its meaning
// without the generated type folders.
const generatedTypes = /^\.next[^/]*\/(dev\/)?types\//;

function contentOf(file: string): Buffer | string {
  const bytes = readFileSync(file);
  if (file !== "tsconfig.json") return bytes;
  try {
    const config = JSON.parse(bytes.toString("utf8")) as { include?: unknown };
    if (Array.isArray(config.include)) config.include = config.include.filter((entry) => !(typeof entry === "string" && generatedTypes.test(entry)));
    return JSON.stringify(config);
  } catch {
    return bytes; // not plain JSON (comments): hash it as it is
  }
}

export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const input of inputs) collect(input, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(contentOf(file)).update("\0");
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
