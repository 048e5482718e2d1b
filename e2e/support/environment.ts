// Where the e2e server listens; shared by playwright.config.ts, scripts/e2e/serve.ts and fixtures.
export const e2ePort = Number(process.env.E2E_PORT ?? 3210);
export const e2eDatabasePort = Number(process.env.E2E_PG_PORT ?? 54339);
export const e2eDataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
export const e2eBaseUrl = `http://localhost:${e2ePort}`;
export const e2eDatabaseUrl = `postgresql://skillgate:skillgate@127.0.0.1:${e2eDatabasePort}/skillgate`;
export const demoPassword = "Skillgate-demo-2026";
/** The loopback webhook receiver that e2e/webhooks.spec.ts starts; allow-listed for the e2e server. */
export const e2eWebhookPort = Number(process.env.E2E_WEBHOOK_PORT ?? 3902);
