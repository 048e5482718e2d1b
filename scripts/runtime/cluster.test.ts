import { spawn } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { webProcessCount } from "./cluster";

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/runtime/fixtures/cluster-app.ts"], { env: { ...process.env, ...env }, stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

async function pids(port: number, requests: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < requests; i++) {
    try {
      // A new connection each time (no keep-alive): the primary hands out connections, not requests.
      seen.add(
        await new Promise<string>((resolve, reject) => {
          const request = get({ host: "127.0.0.1", port, agent: false, timeout: 2000 }, (r) => {
            let body = "";
            r.on("data", (c) => (body += c));
            r.on("end", () => resolve(body));
          });
          request.on("timeout", () => request.destroy(new Error("timeout"))).on("error", reject);
        }),
      );
    } catch {
      await new Promise((r) => setTimeout(r, 100)); // not listening yet
    }
  }
  return seen;
}

describe("webProcessCount", () => {
  it("defaults to one and accepts 1–64", () => {
    expect(webProcessCount(undefined)).toBe(1);
    expect(webProcessCount("4")).toBe(4);
  });
  it.each(["0", "-1", "1.5", "two", "65", ""])("refuses %j", (raw) => {
    expect(() => webProcessCount(raw)).toThrow(/SKILLGATE_WEB_PROCESSES/);
  });
});

describe("superviseWebProcesses", () => {
  it("shares one port between the processes, replaces one that dies and stops all on SIGTERM", async () => {
    const port = await freePort();
    const { child, exited } = start({ PORT: String(port), SKILLGATE_WEB_PROCESSES: "2" });
    let seen = new Set<string>();
    for (let tries = 0; seen.size < 2 && tries < 100; tries++) seen = await pids(port, 4);
    expect(seen.size).toBe(2);

    const [victim] = [...seen];
    process.kill(Number(victim), "SIGKILL");
    let after = new Set<string>();
    for (let tries = 0; tries < 100 && !(after.size === 2 && !after.has(victim!)); tries++) after = await pids(port, 4);
    expect(after.size).toBe(2);
    expect(after.has(victim!)).toBe(false);

    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    for (const pid of after) expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 60_000);

  it("stops instead of restarting in a loop when a process dies before it listens", async () => {
    const { exited } = start({ PORT: String(await freePort()), SKILLGATE_WEB_PROCESSES: "2", FIXTURE_FAIL: "1" });
    expect(await exited).toBe(1);
  }, 30_000);
});
