import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationDefinition } from "../integrations/definition";
import { parseAllowList } from "../net/allow-list";
import { createGuardedFetch } from "../net/guarded-fetch";
import { runSkillChecks } from "./run-skill-checks";

let server: http.Server;
let origin = "";
let host = "";
const methods: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    methods.push(`${req.method} ${req.url}`);
    res.writeHead(405).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const op = (name: string, url: string | undefined, extra: Partial<OperationDefinition> = {}): OperationDefinition => ({
  name,
  title: name,
  description: "Returns the requested record of the test shop.",
  inputSchema: { type: "object", properties: { id: { type: "string", description: "Record id" } } },
  outputSchema: { type: "object" },
  httpMethod: "POST",
  url,
  annotations: { readOnly: true },
  examplePrompts: [],
  ...extra,
});

describe("runSkillChecks", () => {
  it("probes each distinct origin once with HEAD and combines endpoint and operation findings", async () => {
    methods.length = 0;
    const progress: number[] = [];
    const result = await runSkillChecks({
      operations: [op("get_a", `${origin}/a`), op("get_b", `${origin}/b?x=1`), op("get_c", "http://shop.invalid/c"), op("get_d", "orders")],
      fetch,
      devHostAllowList: [host],
      timeoutMs: 2_000,
      onProgress: (pct) => progress.push(pct),
    });
    expect(methods).toEqual(["HEAD /"]);
    const problems = result.findings.filter((f) => !f.passed).map((f) => `${f.ruleId} ${f.subject}`);
    expect(problems.sort()).toEqual([
      "SG-SKILL-002 get_d", // relative URL
      "SG-SKILL-003 get_c", // http on a host that is not allow-listed
      "SG-SKILL-004 get_a", // dev host
      "SG-SKILL-004 get_b",
      "SG-SKILL-005 http://shop.invalid", // .invalid never resolves
    ]);
    expect(result.findings.find((f) => f.ruleId === "SG-SKILL-005" && f.subject === origin)).toMatchObject({ passed: true, evidence: { status: 405 } });
    expect(result.operationsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
  }, 30_000);

  it("reports a guarded-fetch refusal as unreachable", async () => {
    const refused = await runSkillChecks({
      operations: [op("get_a", `${origin}/a`)],
      fetch: createGuardedFetch({ allowList: [] }),
      devHostAllowList: [host],
    });
    expect(refused.findings.find((f) => f.ruleId === "SG-SKILL-005")?.passed).toBe(false);

    const allowed = await runSkillChecks({
      operations: [op("get_a", `${origin}/a`)],
      fetch: createGuardedFetch({ allowList: parseAllowList(host).entries }),
      devHostAllowList: [host],
    });
    expect(allowed.findings.find((f) => f.ruleId === "SG-SKILL-005")?.passed).toBe(true);
  }, 30_000);
});
