// Called once when a Next.js server process starts. Starts the background job workers
// (lib/jobs) in the Node.js runtime only, and only when there is a database to queue in, and
// publishes the policy handlers to the production server's fast path (lib/fast-path).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  // `next build` also loads this file to collect page data; no workers during a build.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // The production server's fast path (lib/fast-path) answers the policy API with these handlers.
  const { publishPolicyFastPath } = await import("./lib/fast-path/publish");
  publishPolicyFastPath();
  const { startWorkers } = await import("./lib/jobs/workers");
  try {
    await startWorkers();
  } catch (error) {
    // The site keeps serving; validation runs stay QUEUED until a worker starts.
    console.error("[jobs] workers did not start:", error);
  }
  const { startStatementJobs } = await import("./lib/jobs/statement-jobs");
  // Monthly statements close on schedule (lib/jobs/statement-jobs.ts); a platform admin can close them too.
  await startStatementJobs().catch((error) => console.error("[jobs] statement jobs did not start:", error));
}
