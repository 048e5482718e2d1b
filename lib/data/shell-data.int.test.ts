// The shell's reads and writes against a real PostgreSQL (the run's shared test database).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAgents } from "./agents";
import { countUnread } from "./notifications";
import { setUserLocale } from "./user-preferences";

const run = randomUUID().slice(0, 8);
let alice: string;
let bob: string;

async function newUser(name: string) {
  const user = await db.user.create({ data: { email: `${name}-${run}@test.example`, name, passwordHash: "x" } });
  return user.id;
}

beforeAll(async () => {
  alice = await newUser("alice");
  bob = await newUser("bob");
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.agent.deleteMany({ where: { slug: { contains: run } } });
});

describe("countUnread", () => {
  it("counts only the user's own notifications that are not read", async () => {
    await db.notification.createMany({
      data: [
        { userId: alice, kind: "review.decided" },
        { userId: alice, kind: "review.decided" },
        { userId: alice, kind: "review.decided", readAt: new Date() },
        { userId: bob, kind: "review.decided" },
      ],
    });
    expect(await countUnread({ userId: alice })).toBe(2);
    expect(await countUnread({ userId: bob })).toBe(1);
  });
});

describe("setUserLocale", () => {
  it("stores the app locale as the User.locale enum", async () => {
    await setUserLocale({ userId: alice, locale: "en" });
    expect((await db.user.findUniqueOrThrow({ where: { id: alice } })).locale).toBe("en");
    await setUserLocale({ userId: alice, locale: "zh-CN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: alice } })).locale).toBe("zh_CN");
  });
});

describe("listAgents", () => {
  it("lists verified agents first, then by name", async () => {
    await db.agent.createMany({
      data: [
        { slug: `b-${run}`, name: `B ${run}`, vendor: "V", verified: false },
        { slug: `a-${run}`, name: `A ${run}`, vendor: "V", verified: false },
        { slug: `z-${run}`, name: `Z ${run}`, vendor: "V", verified: true },
      ],
    });
    const mine = (await listAgents()).filter((agent) => agent.slug.includes(run)).map((agent) => agent.slug);
    expect(mine).toEqual([`z-${run}`, `a-${run}`, `b-${run}`]);
  });
});
