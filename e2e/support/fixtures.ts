import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { demoPassword, e2eBaseUrl } from "./environment";

export type Language = "en" | "zh-CN";

/** Signs in through next-auth's credentials endpoint (no form typing), as the STYLE guide asks. */
export async function signInThroughApi(request: APIRequestContext, email: string, password = demoPassword) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: `${e2eBaseUrl}/`, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, `session of ${email}`).toBe(email);
}

export async function setLanguage(context: BrowserContext, language: Language) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: language, url: e2eBaseUrl }]);
}

type Fixtures = {
  /** Signs the page's context in as the given user, in English unless told otherwise. */
  signInAs: (email: string, options?: { language?: Language; password?: string }) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  signInAs: async ({ page, context }, use) => {
    await use(async (email, options = {}) => {
      await setLanguage(context, options.language ?? "en");
      await signInThroughApi(context.request, email, options.password);
      return page;
    });
  },
});

export { expect };
