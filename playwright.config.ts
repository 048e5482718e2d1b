import { defineConfig, devices } from "@playwright/test";
import { e2eBaseUrl } from "./e2e/support/environment";

// End-to-end tests against the production build, served by the same start script as
// `npm start` on a fresh embedded database, in Debian's Chromium (no browser download).
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--no-sandbox",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx scripts/e2e/serve.ts",
      url: `${e2eBaseUrl}/sign-in`,
      // A cold production build on a busy 2-core machine has taken over 10 minutes.
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    // The official reference MCP server, a real third-party endpoint for the integration specs.
    {
      command: "node node_modules/@modelcontextprotocol/server-everything/dist/index.js streamableHttp",
      env: { PORT: "3901" },
      port: 3901,
      timeout: 30_000,
      reuseExistingServer: true,
    },
  ],
});
