// Stand-ins for the parts of the Next.js request runtime that need a live request (the session
// cookie, headers, cookies, the cache, translations), so pages, server actions and route handlers
// can be called directly in Vitest. Only the transport is replaced: next-auth's session lookup
// answers with the token of the user a test is acting as, and everything after that —
// lib/auth/session.ts (database re-check of the account), the action wrappers, requireMerchant,
// the data layer's merchantId scoping — is the real code.
//
// A test file wires these in with:
//   vi.mock("next-auth", async (original) => (await import("./next-doubles")).nextAuthDouble(await original()));
//   vi.mock("next/headers", async () => (await import("./next-doubles")).nextHeadersDouble());
//   vi.mock("next/cache", async () => (await import("./next-doubles")).nextCacheDouble());
//   vi.mock("next-intl/server", async () => (await import("./next-doubles")).nextIntlDouble());

export type SessionToken = { userId: string; sessionVersion: number };

export const acting = {
  /** What next-auth's getServerSession returns: the decoded JWT of the signed-in user, or null. */
  session: null as SessionToken | null,
  headers: new Headers({ "x-forwarded-for": "198.51.100.7", host: "localhost:3000" }),
  cookies: new Map<string, string>(),
};

/** Acts as the given account (or signed out with null): the token carries its current sessionVersion. */
export function actAs(user: { id: string; sessionVersion: number } | null): void {
  acting.session = user ? { userId: user.id, sessionVersion: user.sessionVersion } : null;
}

export function nextAuthDouble<T extends object>(original: T) {
  return { ...original, getServerSession: async () => acting.session };
}

export function nextHeadersDouble() {
  const jar = {
    get: (name: string) => (acting.cookies.has(name) ? { name, value: acting.cookies.get(name)! } : undefined),
    getAll: () => [...acting.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => acting.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") acting.cookies.set(name, value ?? "");
      else acting.cookies.set(name.name, name.value);
    },
    delete: (name: string) => acting.cookies.delete(name),
  };
  return { headers: async () => acting.headers, cookies: async () => jar, draftMode: async () => ({ isEnabled: false }) };
}

export function nextCacheDouble() {
  const noop = () => {};
  return { revalidatePath: noop, revalidateTag: noop, updateTag: noop, refresh: noop, unstable_cache: <F>(fn: F) => fn, unstable_noStore: noop };
}

/** Translations answer with the catalogue key, so a test can assert which message an action chose. */
export function nextIntlDouble() {
  const translator = (namespace?: string) =>
    Object.assign((key: string) => (namespace ? `${namespace}.${key}` : key), {
      has: () => true,
      rich: (key: string) => key,
      markup: (key: string) => key,
      raw: (key: string) => key,
    });
  const ns = (arg?: string | { namespace?: string }) => (typeof arg === "string" ? arg : arg?.namespace);
  return {
    getTranslations: async (arg?: string | { namespace?: string }) => translator(ns(arg)),
    getLocale: async () => "en",
    getMessages: async () => ({}),
    getNow: async () => new Date(),
    getTimeZone: async () => "Asia/Shanghai",
    getFormatter: async () => ({
      dateTime: (d: Date) => d.toISOString(),
      number: (n: number) => String(n),
      relativeTime: (d: Date) => d.toISOString(),
      list: (items: string[]) => items.join(", "),
    }),
    setRequestLocale: () => {},
  };
}

/** The digest Next gives notFound() / forbidden() / unauthorized() errors and redirect()s. */
export function interruptOf(error: unknown): { kind: "notFound" | "forbidden" | "unauthorized" | "redirect" | "other"; detail: string } {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return { kind: "other", detail: String((error as Error)?.stack ?? error) };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "notFound", detail: digest };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return { kind: "forbidden", detail: digest };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;401") return { kind: "unauthorized", detail: digest };
  if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", detail: digest.split(";").slice(0, 3).join(";") };
  return { kind: "other", detail: digest };
}
