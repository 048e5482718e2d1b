import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiKeyKindOf, apiKeyPrefix, generateApiKeySecret, hashApiKeySecret, isDemoKeyScopes } from "./secret";

describe("generateApiKeySecret", () => {
  it("uses the kind's prefix and 32 base62 characters", () => {
    expect(generateApiKeySecret("PLATFORM_INGEST")).toMatch(/^sg_ingest_[0-9A-Za-z]{32}$/);
    expect(generateApiKeySecret("AGENT")).toMatch(/^sg_agent_[0-9A-Za-z]{32}$/);
    expect(generateApiKeySecret("MERCHANT_ANALYTICS")).toMatch(/^sg_analytics_[0-9A-Za-z]{32}$/);
  });
  it("never repeats and uses the whole alphabet", () => {
    const secrets = Array.from({ length: 500 }, () => generateApiKeySecret("AGENT"));
    expect(new Set(secrets).size).toBe(500);
    const chars = new Set(secrets.flatMap((s) => [...s.slice("sg_agent_".length)]));
    expect(chars.size).toBe(62);
  });
});

describe("hashApiKeySecret / apiKeyPrefix", () => {
  it("is the lower-case hex SHA-256 of the secret", () => {
    const secret = "sg_ingest_demo_00000000000000000000000000000000";
    expect(hashApiKeySecret(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(hashApiKeySecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKeySecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("keeps the first 12 characters as the prefix", () => {
    expect(apiKeyPrefix("sg_agent_demo_aurora_000000000000000000000000")).toBe("sg_agent_dem");
  });
});

describe("apiKeyKindOf / isDemoKeyScopes", () => {
  it("reads the kind from the prefix", () => {
    expect(apiKeyKindOf("sg_analytics_x")).toBe("MERCHANT_ANALYTICS");
    expect(apiKeyKindOf("sg_ingest_x")).toBe("PLATFORM_INGEST");
    expect(apiKeyKindOf("sk_live_x")).toBeNull();
  });
  it("flags demo keys by their scope", () => {
    expect(isDemoKeyScopes(["events:write", "demo"])).toBe(true);
    expect(isDemoKeyScopes(["events:write"])).toBe(false);
    expect(isDemoKeyScopes([])).toBe(false);
  });
});
