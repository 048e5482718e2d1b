// The zero-setup run command (`npm start`): database (embedded unless DATABASE_URL is set),
// migrations, demo data when empty, a production build when sources changed, then `next start`.
import { spawn } from "node:child_process";
import { defaultDataDir, resolveDatabase } from "./db/connect";
import { applyMigrations } from "./db/migrations";
import { isDatabaseEmpty, seedDemoData } from "./demo/seed";
import { printDemoSignIns } from "./demo/print";
import { renderProgress } from "./demo/progress";
import { buildIsCurrent, markBuilt } from "./runtime/build-fingerprint";
import { localSecret } from "./runtime/local-secrets";
import { run } from "./runtime/run";
import { waitForHttp } from "./runtime/wait-for-http";

const port = Number(process.env.PORT ?? 3000);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

async function main() {
  const usingEmbedded = !process.env.DATABASE_URL;
  console.log(usingEmbedded ? "Starting the embedded PostgreSQL (data in " + defaultDataDir + ")…" : "Using DATABASE_URL.");
  const { url, embedded } = await resolveDatabase({ quiet: true });

  let stopping = false;
  const stopDatabase = async () => {
    if (embedded) {
      console.log("Stopping PostgreSQL…");
      await embedded.stop();
    }
  };

  try {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

    const demoMode = usingEmbedded || process.env.SKILLGATE_DEMO_MODE === "1";
    if (demoMode && (await isDatabaseEmpty(url))) {
      const orders = Number(process.env.DEMO_ORDERS ?? 6000);
      console.log(`Seeding demo data (${orders} orders)…`);
      const progress = renderProgress();
      await seedDemoData({ connectionString: url, orders, onProgress: progress.update });
      progress.stop();
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret("NEXTAUTH_SECRET"),
      SKILLGATE_ENCRYPTION_KEY: process.env.SKILLGATE_ENCRYPTION_KEY ?? localSecret("SKILLGATE_ENCRYPTION_KEY"),
      SKILLGATE_DEMO_MODE: demoMode ? "1" : "0",
    };

    if (!buildIsCurrent(distDir)) {
      console.log("Building the production bundle (first run or sources changed)…");
      await run("npx", ["next", "build"], { env: { ...env, NODE_ENV: "production" } });
      markBuilt(distDir);
    }

    const server = spawn("npx", ["next", "start", "-p", String(port)], { stdio: "inherit", env });
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      server.kill(signal);
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));

    void waitForHttp(`http://127.0.0.1:${port}/sign-in`, 120_000, () => stopping).then((up) => {
      if (!up || stopping) return;
      console.log(`\nSkillgate is running at http://localhost:${port}`);
      if (demoMode) printDemoSignIns();
      console.log("Press Ctrl-C to stop.\n");
    });

    const code = await new Promise<number>((resolve) => server.once("exit", (c) => resolve(c ?? 0)));
    await stopDatabase();
    process.exit(stopping ? 0 : code);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
