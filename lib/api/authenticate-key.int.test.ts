import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeySecret, hashApiKeySecret, apiKeyPrefix } from "@/lib/api-keys/secret";
import { db } from "@/lib/db";
import { authenticateApiKey, clearApiKeyCache } from "./authenticate-key";

function requestWith(secret?: string, header = "authorization") {
  const headers = new Headers();
  if (secret) headers.set(header, header === "authorization" ? `Bearer ${secret}` : secret);
  return new Request("http://localhost/api/v1/x", { headers });
}

async function createKey(kind: "PLATFORM_INGEST" | "AGENT" | "MERCHANT_ANALYTICS", scopes: string[] = []) {
  const secret = generateApiKeySecret(kind);
  const key = await db.apiKey.create({
    data: { kind, name: "test", prefix: apiKeyPrefix(secret), hash: hashApiKeySecret(secret), scopes },
  });
  return { secret, key };
}

describe("authenticateApiKey", () => {
  const demoMode = process.env.SKILLGATE_DEMO_MODE;
  beforeAll(() => clearApiKeyCache());
  afterEach(() => {
    process.env.SKILLGATE_DEMO_MODE = demoMode;
    clearApiKeyCache();
  });

  it("accepts a valid key of an allowed kind, by bearer header or X-Api-Key", async () => {
    const { secret, key } = await createKey("PLATFORM_INGEST");
    for (const request of [requestWith(secret), requestWith(secret, "x-api-key")]) {
      const result = await authenticateApiKey(request, ["PLATFORM_INGEST"]);
      expect(result.ok && result.key.id).toBe(key.id);
    }
  });

  it("answers 401 for a missing, malformed, unknown or revoked key and 403 for the wrong kind", async () => {
    const { secret, key } = await createKey("AGENT");
    const statuses = async (request: Request) => {
      const result = await authenticateApiKey(request, ["PLATFORM_INGEST"]);
      return result.ok ? 200 : result.response.status;
    };
    expect(await statuses(requestWith())).toBe(401);
    expect(await statuses(requestWith("hello"))).toBe(401);
    expect(await statuses(requestWith(generateApiKeySecret("PLATFORM_INGEST")))).toBe(401);
    expect(await statuses(requestWith(secret))).toBe(403);
    await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    clearApiKeyCache();
    const revoked = await authenticateApiKey(requestWith(secret), ["AGENT"]);
    expect(revoked.ok).toBe(false);
    if (!revoked.ok) expect((await revoked.response.json()).error.code).toBe("invalid_api_key");
  });

  it("accepts demo keys only in demo mode", async () => {
    const { secret } = await createKey("MERCHANT_ANALYTICS", ["analytics:read", "demo"]);
    process.env.SKILLGATE_DEMO_MODE = "0";
    const refused = await authenticateApiKey(requestWith(secret), ["MERCHANT_ANALYTICS"]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect((await refused.response.json()).error.code).toBe("demo_key_disabled");
    process.env.SKILLGATE_DEMO_MODE = "1";
    expect((await authenticateApiKey(requestWith(secret), ["MERCHANT_ANALYTICS"])).ok).toBe(true);
  });
});
