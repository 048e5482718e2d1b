import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import { clientMessagePaths, pickMessages } from "./client-messages";

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Every file, not only "use client" ones: a hook in a file without the directive runs in the
// browser when a client component imports it.
const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)));

describe("pickMessages", () => {
  it("keeps the listed subtrees, nested as in the catalogue, and nothing else", () => {
    const messages = { a: { x: "1", y: { z: "2" } }, b: "3", c: { d: "4", e: "5" } };
    expect(pickMessages(messages, ["a.y", "c.d", "b", "missing.path"])).toEqual({ a: { y: { z: "2" } }, b: "3", c: { d: "4" } });
  });
});

describe("the messages sent to the browser", () => {
  it("cover every namespace a client component translates with", () => {
    const uses = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\buse(Translations|Messages)\(([^)]*)\)/g)].map((m) => ({ file: path.relative(root, file), hook: m[1], arg: m[2]!.trim() })));
    expect(uses.length).toBeGreaterThan(20);
    for (const use of uses) {
      // A whole catalogue or a computed namespace cannot be checked: name the namespace literally.
      expect(use.hook, `${use.file}: useMessages() needs the whole catalogue on the client`).toBe("Translations");
      const namespace = /^"([\w.]+)"$/.exec(use.arg)?.[1];
      expect(namespace, `${use.file}: useTranslations(${use.arg})`).toBeDefined();
      const covered = clientMessagePaths.some((p) => namespace === p || namespace!.startsWith(`${p}.`));
      expect(covered, `${use.file}: "${namespace}" is not in clientMessagePaths`).toBe(true);
    }
  });

  it("exist in both catalogues and are much smaller than the whole", () => {
    for (const catalogue of [en, zhCN]) {
      const picked = pickMessages(catalogue, clientMessagePaths);
      for (const p of clientMessagePaths) expect(p.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], picked), p).toBeDefined();
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(catalogue).length / 2);
    }
  });
});
