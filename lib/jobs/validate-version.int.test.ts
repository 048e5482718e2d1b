import { spawn, type ChildProcess } from "node:child_process";
import net, { type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckRun, getCheckRun, sweepStaleRuns } from "@/lib/data/check-runs";
import { createIntegration, getVersion, saveOperation } from "@/lib/data/integrations";
import { db } from "@/lib/db";
import { saveOperationSchema } from "@/lib/validation/integrations";
import { createRegistryMerchant, ensureEncryptionKey, type RegistryMerchant } from "@/tests/support/registry-fixtures";
import { enqueueValidation, stopBoss } from "./boss";
import { devHostsOf } from "./validate-version";
import { startWorkers, stopWorkers } from "./workers";

// The whole path as the app runs it: a CheckRun is queued in pg-boss (schema pgboss of the test
// database), the worker picks it up, validates the official reference server on a loopback
// port through the guarded fetch, and stores the report and the captured tools.

const EVERYTHING = fileURLToPath(new URL("../../node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url));

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not open`);
}

async function waitForRun(merchantId: string, runId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const seen: Array<[string, number, string]> = [];
  const t0 = Date.now();
  for (;;) {
    const run = await db.checkRun.findFirstOrThrow({ where: { id: runId, merchantId } });
    const last = seen.at(-1);
    if (!last || last[1] !== run.progress || last[0] !== run.status) seen.push([run.status, run.progress, `${run.progressLabel}@${Date.now() - t0}`]);
    if (run.status === "SUCCEEDED" || run.status === "FAILED") return { run, seen };
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} (${run.progress}%)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let child: ChildProcess;
let url = "";
let m: RegistryMerchant;

beforeAll(async () => {
  ensureEncryptionKey();
  const port = await freePort();
  child = spawn(process.execPath, [EVERYTHING, "streamableHttp"], { env: { ...process.env, PORT: String(port) }, stdio: "ignore" });
  await waitForPort(port, 15_000);
  url = `http://127.0.0.1:${port}/mcp`;
  process.env.SKILLGATE_OUTBOUND_ALLOWLIST = `127.0.0.1:${port}`;
  m = await createRegistryMerchant("jobs");
  await startWorkers();
}, 60_000);

afterAll(async () => {
  await stopWorkers();
  await stopBoss();
  if (child.exitCode === null) child.kill();
});

describe("validate-version job", () => {
  it("validates the reference MCP server end to end and stores report, tools and capture", async () => {
    const { versionId } = await createIntegration({
      merchantId: m.merchant.id,
      actor: m.actor,
      input: { kind: "MCP_SERVER", name: "Everything", description: "", category: "FOOD", endpointUrl: url, transport: "STREAMABLE_HTTP", authType: "BEARER", bearerSecret: "token-123" },
    });
    const started = Date.now();
    const { runId } = await createCheckRun({ merchantId: m.merchant.id, actor: m.actor, versionId });
    await enqueueValidation({ runId });
    const { run, seen } = await waitForRun(m.merchant.id, runId);
    const elapsed = Date.now() - started;
    console.info(`reference server through the job: ${elapsed} ms from enqueue to SUCCEEDED (checks ${run.durationMs} ms); progress seen: ${JSON.stringify(seen)}`);

    expect(run).toMatchObject({ status: "SUCCEEDED", progress: 100, failureReason: null, errorCount: 0, warningCount: 2, infoCount: 12 });
    expect(run.toolListHash).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.some(([status, pct]) => status === "RUNNING" && pct > 0 && pct < 100)).toBe(true);

    const report = await getCheckRun({ merchantId: m.merchant.id, runId });
    const problems = report!.results.filter((r) => !r.passed).map((r) => `${r.ruleId}${r.subject ? ` ${r.subject}` : ""}`).sort();
    expect(problems).toEqual([
      "SG-MCP-002",
      "SG-TOOL-007 get-resource-reference",
      ...["echo", "get-annotated-message", "get-env", "get-resource-links", "get-resource-reference", "get-sum", "get-tiny-image", "gzip-file-as-resource", "simulate-research-query", "toggle-simulated-logging", "toggle-subscriber-updates", "trigger-long-running-operation"].map((t) => `SG-TOOL-016 ${t}`),
    ]);
    const mcp002 = report!.results.find((r) => r.ruleId === "SG-MCP-002")!;
    expect(mcp002.messageEn).not.toBe("");
    expect(mcp002.messageZh).not.toBe("");
    expect(mcp002.fixEn).not.toBe("");

    const version = await getVersion({ merchantId: m.merchant.id, versionId });
    expect(version!.operations).toHaveLength(13);
    expect(version).toMatchObject({ protocolVersion: "2025-11-25", serverInfo: { name: "mcp-servers/everything" }, toolListHash: run.toolListHash, transport: "STREAMABLE_HTTP" });
    expect(version!.capabilities).toHaveProperty("tools");
    expect(await db.auditEvent.count({ where: { action: "checkrun.finished", objectId: runId } })).toBe(1);
  }, 60_000);

  it("validates a Skill's endpoints and operations", async () => {
    const { versionId } = await createIntegration({ merchantId: m.merchant.id, actor: m.actor, input: { kind: "SKILL", name: "Loopback skill", description: "", category: "FOOD" } });
    await saveOperation({
      merchantId: m.merchant.id,
      actor: m.actor,
      input: saveOperationSchema.parse({
        versionId,
        name: "get_menu",
        title: "Get menu",
        description: "Returns the drinks on the menu of the nearest store",
        httpMethod: "GET",
        url: url.replace("/mcp", "/menu"),
        readOnly: "true",
        destructive: "false",
        idempotent: "true",
        movesMoney: "false",
        needsConfirmation: "false",
        inputSchema: '{"type":"object","properties":{"store":{"type":"string","description":"store id"}}}',
        outputSchema: '{"type":"object"}',
      }),
    });
    const { runId } = await createCheckRun({ merchantId: m.merchant.id, actor: m.actor, versionId });
    await enqueueValidation({ runId });
    const { run } = await waitForRun(m.merchant.id, runId);
    expect(run.status).toBe("SUCCEEDED");
    const report = await getCheckRun({ merchantId: m.merchant.id, runId });
    const byRule = Object.fromEntries(report!.results.map((r) => [r.ruleId, r.passed]));
    expect(byRule).toMatchObject({ "SG-SKILL-001": true, "SG-SKILL-002": true, "SG-SKILL-005": true, "SG-SKILL-004": false });
  }, 60_000);

  it("fails a run with a reason when there is nothing to connect to", async () => {
    const { versionId } = await createIntegration({ merchantId: m.merchant.id, actor: m.actor, input: { kind: "MCP_SERVER", name: "No URL", description: "", category: "FOOD", endpointUrl: "https://example.invalid/mcp", transport: "STREAMABLE_HTTP", authType: "NONE", bearerSecret: "" } });
    await db.integrationVersion.update({ where: { id: versionId }, data: { endpointUrl: null } });
    const { runId } = await createCheckRun({ merchantId: m.merchant.id, actor: m.actor, versionId });
    await enqueueValidation({ runId });
    const { run } = await waitForRun(m.merchant.id, runId);
    expect(run.status).toBe("FAILED");
    expect(run.failureReason).toMatch(/no endpoint URL/);
  }, 60_000);

  it("sweeps runs a dead worker left RUNNING, and leaves fresh ones alone", async () => {
    const { versionId } = await createIntegration({ merchantId: m.merchant.id, actor: m.actor, input: { kind: "SKILL", name: "Crashed", description: "", category: "FOOD" } });
    const stale = await db.checkRun.create({ data: { merchantId: m.merchant.id, versionId, status: "RUNNING", progress: 40, startedAt: new Date(Date.now() - 60 * 60_000) } });
    const fresh = await db.checkRun.create({ data: { merchantId: m.merchant.id, versionId, status: "RUNNING", progress: 40, startedAt: new Date() } });
    await sweepStaleRuns({ runningMs: 15 * 60_000, queuedMs: 30 * 60_000 });
    expect(await db.checkRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "FAILED", failureReason: expect.stringContaining("interrupted") });
    expect((await db.checkRun.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("RUNNING");
  });
});

describe("devHostsOf", () => {
  it("writes allow-list entries the way URL.host reads them", () => {
    expect(
      devHostsOf([
        { host: "127.0.0.1", address: "127.0.0.1", port: 3901 },
        { host: "::1", address: "::1", port: 3901 },
        { host: "localhost", address: "127.0.0.1", port: "*" },
      ]),
    ).toEqual(["127.0.0.1:3901", "[::1]:3901", "localhost"]);
  });
});
