// Dashboard benchmark: server response time of merchant pages for a signed-in user (the full
// server render: session, membership, rollup queries, React Server Components to HTML), and the
// first-load JavaScript of each page from the build output.
import { DEMO_PASSWORD } from "../../lib/demo/catalogue";
import { pageFirstLoadJs } from "./first-load-js";
import { summarize, timeRepeated, type LatencySummary } from "./stats";

export type DashboardPage = { name: string; path: string; appPage: string };

export type DashboardResult = { name: string; path: string; serverMs: LatencySummary; firstLoadJs: { chunks: number; bytes: number; gzipBytes: number } };

/** Cookies from Set-Cookie headers, merged into a jar (name → value). */
export function mergeCookies(jar: Map<string, string>, setCookies: readonly string[]): Map<string, string> {
  for (const header of setCookies) {
    const pair = header.split(";", 1)[0]!;
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through next-auth's credentials API (as e2e/support/fixtures.ts does); the session cookies. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Map<string, string>> {
  const jar = new Map<string, string>([["NEXT_LOCALE", "en"]]);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  mergeCookies(jar, csrf.headers.getSetCookie());
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" });
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: form,
    redirect: "manual",
  });
  mergeCookies(jar, response.headers.getSetCookie());
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } })).json()) as { user?: { email?: string } } | null;
  if (session?.user?.email !== email) throw new Error(`Sign-in of ${email} failed (HTTP ${response.status}).`);
  return jar;
}

export async function benchDashboard(options: {
  baseUrl: string;
  distDir: string;
  email: string;
  pages: DashboardPage[];
  samples?: number;
  onProgress?: (label: string) => void;
}): Promise<DashboardResult[]> {
  const jar = await signIn(options.baseUrl, options.email);
  const results: DashboardResult[] = [];
  for (const page of options.pages) {
    options.onProgress?.(`dashboard ${page.name}`);
    const samples = await timeRepeated(
      options.samples ?? 20,
      async () => {
        const response = await fetch(`${options.baseUrl}${page.path}`, { headers: { cookie: cookieHeader(jar) }, redirect: "manual" });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status} ${html.slice(0, 200)}`);
      },
      2,
    );
    const js = pageFirstLoadJs(options.distDir, page.appPage);
    results.push({ name: page.name, path: page.path, serverMs: summarize(samples), firstLoadJs: { chunks: js.chunks.length, bytes: js.bytes, gzipBytes: js.gzipBytes } });
  }
  return results;
}
