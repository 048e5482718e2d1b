// What the app exposes, read from the file system so that a new page, route handler or server
// action is found without anyone remembering to list it: the security tests iterate over this
// inventory and fail, naming the file, for anything their matrices do not cover.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");

/** `app/(merchant)/m/[merchant]/orders/[id]/page.tsx` → `/m/[merchant]/orders/[id]` (groups dropped). */
export function routeOf(file: string): string {
  const segments = file.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** The dynamic segment names of a route: `[merchant]`, `[id]`, `[...nextauth]` → merchant, id, nextauth. */
export function paramsOf(route: string): string[] {
  return [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

export type Area = "merchant" | "review" | "admin" | "auth" | "api" | "public";

export function areaOf(file: string): Area {
  // Anything addressed by a merchant slug is tenant data, whatever route group it sits in (e.g. print views).
  const staff = file.startsWith("app/(admin)/") || file.startsWith("app/(review)/") || file.startsWith("app/api/");
  if (file.startsWith("app/(merchant)/") || (!staff && file.includes("/[merchant]/"))) return "merchant";
  if (file.startsWith("app/(review)/")) return "review";
  if (file.startsWith("app/(admin)/")) return "admin";
  if (file.startsWith("app/(auth)/")) return "auth";
  if (file.startsWith("app/api/")) return "api";
  return "public";
}

export type PageInfo = { file: string; route: string; params: string[]; area: Area };

/** Every `page.tsx` under app/. */
export function discoverPages(): PageInfo[] {
  return walk(path.join(root, "app"))
    .map(relative)
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => {
      const route = routeOf(file);
      return { file, route, params: paramsOf(route), area: areaOf(file) };
    });
}

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type RouteHandlerInfo = PageInfo & { methods: HttpMethod[] };

/** The HTTP methods a route module exports: `export async function GET`, `export const POST =`, `export { h as GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\s*=/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  return httpMethods.filter((method) => found.has(method));
}

/** Every `route.ts` under app/ with the methods it exports. */
export function discoverRouteHandlers(): RouteHandlerInfo[] {
  return walk(path.join(root, "app"))
    .map(relative)
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .map((file) => {
      const route = routeOf(file);
      return { file, route, params: paramsOf(route), area: areaOf(file), methods: exportedMethods(readFileSync(path.join(root, file), "utf8")) };
    });
}

/** Source files whose first statement is the `"use server"` directive (modules of server actions). */
export function discoverServerActionModules(): string[] {
  return ["app", "lib", "components"]
    .flatMap((dir) => walk(path.join(root, dir)))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(readFileSync(f, "utf8")))
    .map(relative);
}

export type ServerActionInfo = { module: string; name: string; key: string; fn: (...args: unknown[]) => Promise<unknown> };

/** Imports each server-action module and lists its exported functions (each one is callable from a browser). */
export async function discoverServerActions(): Promise<ServerActionInfo[]> {
  const out: ServerActionInfo[] = [];
  for (const module of discoverServerActionModules()) {
    const exports = (await import(/* @vite-ignore */ path.join(root, module))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") out.push({ module, name, key: `${module}#${name}`, fn: value as ServerActionInfo["fn"] });
    }
  }
  return out;
}

export const projectRoot = root;
