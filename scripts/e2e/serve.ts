// The server Playwright tests run against: the same `npm start` path (embedded PostgreSQL,
// migrations, demo data, production build) on a fresh data directory and its own ports.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { e2eDataDir, e2eDatabasePort, e2ePort, e2eWebhookPort } from "../../e2e/support/environment";

rmSync(e2eDataDir, { recursive: true, force: true });
const child = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: "",
    SKILLGATE_DATA_DIR: e2eDataDir,
    EMBEDDED_PG_PORT: String(e2eDatabasePort),
    PORT: String(e2ePort),
    DEMO_ORDERS: process.env.DEMO_ORDERS ?? "3000",
    // The reference MCP server of the integration specs (playwright.config.ts) and the webhook
    // receiver of e2e/webhooks.spec.ts run on loopback.
    SKILLGATE_OUTBOUND_ALLOWLIST: `127.0.0.1:3901,127.0.0.1:${e2eWebhookPort}`,
    // Webhooks: one retry after a second, and endpoints disabled after two failed deliveries, so
    // the spec sees auto-disable within seconds (production: 5 retries over hours, 5 deliveries).
    SKILLGATE_WEBHOOK_RETRY_DELAYS_MS: "1000",
    SKILLGATE_WEBHOOK_AUTO_DISABLE_AFTER: "2",
    SKILLGATE_OUTBOUND_ALLOWLIST_IN_PRODUCTION: "1",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
