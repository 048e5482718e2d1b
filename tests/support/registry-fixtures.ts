// Two merchants of a test's own (random slugs), each with a developer, for registry tests.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

const suffix = () => randomBytes(4).toString("hex");

/** A fixed test key, so secrets can be encrypted and decrypted within the test process. */
export function ensureEncryptionKey(): void {
  process.env.SKILLGATE_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
}

export async function createRegistryMerchant(label = "shop") {
  const tag = suffix();
  const developer = await db.user.create({ data: { email: `dev-${tag}@test.local`, name: `Dev ${tag}`, passwordHash: "x" } });
  const merchant = await db.merchant.create({
    data: { slug: `${label}-${tag}`, name: `${label} ${tag}`, category: "FOOD", memberships: { create: { userId: developer.id, role: "DEVELOPER" } } },
  });
  return { merchant, developer, actor: { userId: developer.id, email: developer.email, ip: "127.0.0.1" } };
}

export type RegistryMerchant = Awaited<ReturnType<typeof createRegistryMerchant>>;
