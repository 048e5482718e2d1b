// `npm test`: the whole suite — type check, Vitest (unit + integration on an embedded
// PostgreSQL), then Playwright e2e against the production build. Ends with one summary line.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { run } from "./runtime/run";

type Step = { name: string; passed: number; failed: number; skipped: number; ok: boolean };

type Counts = Omit<Step, "name" | "ok">;
type Report = { file: string; read: (json: any) => Counts };

const vitestReport: Report = {
  file: "test-results/vitest.json",
  read: (report) => ({
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }),
};

const playwrightReport: Report = {
  file: "test-results/e2e.json",
  read: ({ stats }) => ({ passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }),
};

async function step(name: string, command: string, args: string[], report?: Report): Promise<Step> {
  console.log(`\n▶ ${name}`);
  let ok = true;
  try {
    await run(command, args, { env: { ...process.env, CI: process.env.CI ?? "1" } });
  } catch {
    ok = false;
  }
  // A step without a report (the type check) counts as one check.
  const counts =
    report && existsSync(report.file)
      ? report.read(JSON.parse(readFileSync(report.file, "utf8")))
      : { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  return { name, ok, ...counts };
}

async function main() {
  rmSync("test-results", { recursive: true, force: true });
  mkdirSync("test-results", { recursive: true });
  const only = process.argv[2];
  const steps: Step[] = [];
  if (!only || only === "typecheck") steps.push(await step("Type check", "npx", ["tsc", "--noEmit"]));
  if (!only || only === "unit")
    steps.push(
      await step("Vitest (unit + integration)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"], vitestReport),
    );
  if (!only || only === "e2e") steps.push(await step("Playwright (e2e)", "npx", ["playwright", "test"], playwrightReport));

  console.log("\n── Summary ──");
  for (const s of steps) console.log(`${s.ok ? "✔" : "✘"} ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  const passed = steps.reduce((n, s) => n + s.passed, 0);
  const failed = steps.reduce((n, s) => n + s.failed + (s.ok || s.failed > 0 ? 0 : 1), 0);
  console.log(`Total: ${passed} passed, ${failed} failed`);
  process.exit(steps.every((s) => s.ok) ? 0 : 1);
}

main();
