import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const wrapper = path.join("components", "ui", "link.tsx");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("links", () => {
  it("go through components/ui/link (no prefetch by default), never next/link directly", () => {
    const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)));
    const users = files.filter((file) => readFileSync(file, "utf8").includes('from "@/components/ui/link"'));
    expect(users.length).toBeGreaterThan(20);
    const direct = files.filter((file) => path.relative(root, file) !== wrapper && /from ["']next\/link["']/.test(readFileSync(file, "utf8")));
    expect(direct.map((file) => path.relative(root, file))).toEqual([]);
  });
});
