import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

// Who gets a notification, and that one user cannot read or mark another's.

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let n: typeof import("@/lib/data/notifications");
const users: Record<string, string> = {};
let merchantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  n = await import("@/lib/data/notifications");
  const make = async (key: string, data: { platformRole?: "REVIEWER" | "ADMIN"; status?: "DISABLED" } = {}) => {
    users[key] = (await db.user.create({ data: { email: `${key}@n.test`, name: key, passwordHash: "x", ...data } })).id;
  };
  for (const key of ["owner", "dev", "analyst", "outsider", "gone"]) await make(key);
  await make("reviewer", { platformRole: "REVIEWER" });
  await make("admin", { platformRole: "ADMIN" });
  await make("retired", { platformRole: "REVIEWER", status: "DISABLED" });
  merchantId = (
    await db.merchant.create({
      data: {
        slug: "notify-shop",
        name: "Notify",
        category: "FOOD",
        memberships: {
          create: [
            { userId: users.owner!, role: "OWNER" },
            { userId: users.dev!, role: "DEVELOPER" },
            { userId: users.analyst!, role: "ANALYST" },
          ],
        },
      },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const recipients = async (kind: string) =>
  (await db.notification.findMany({ where: { kind }, select: { userId: true } })).map((r) => Object.entries(users).find(([, id]) => id === r.userId)![0]).sort();

describe("notifications", () => {
  it("reach a merchant's members (or only the roles asked for) and the active review staff", async () => {
    expect(await db.$transaction((tx) => n.notifyMerchantMembers(tx, { merchantId, kind: "all", params: { integration: "X", version: 1 }, link: "/m/notify-shop/integrations" }))).toBe(3);
    expect(await recipients("all")).toEqual(["analyst", "dev", "owner"]);
    await db.$transaction((tx) => n.notifyMerchantMembers(tx, { merchantId, kind: "some", roles: ["OWNER", "DEVELOPER"] }));
    expect(await recipients("some")).toEqual(["dev", "owner"]);
    await db.$transaction((tx) => n.notifyReviewers(tx, { kind: "review", link: "/review/v1" }));
    expect(await recipients("review")).toEqual(["admin", "reviewer"]);
  });

  it("are listed, counted and marked read only for their own user", async () => {
    const mine = await n.listNotifications({ userId: users.owner! });
    expect(mine.map((x) => x.kind).sort()).toEqual(["all", "some"]);
    expect(mine.find((x) => x.kind === "all")).toMatchObject({ params: { integration: "X", version: 1 }, link: "/m/notify-shop/integrations", readAt: null });
    expect(await n.countUnread({ userId: users.owner! })).toBe(2);

    const id = mine[0]!.id;
    expect(await n.markNotificationRead({ userId: users.outsider!, id })).toBeNull();
    expect(await n.countUnread({ userId: users.owner! })).toBe(2);
    expect(await n.markNotificationRead({ userId: users.owner!, id })).toEqual({ link: mine[0]!.link });
    expect(await n.countUnread({ userId: users.owner! })).toBe(1);

    expect(await n.markAllNotificationsRead({ userId: users.owner! })).toBe(1);
    expect(await n.countUnread({ userId: users.owner! })).toBe(0);
    expect(await n.countUnread({ userId: users.dev! })).toBe(2);
  });

  it("roll back with the change that caused them", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await n.notifyMerchantMembers(tx, { merchantId, kind: "rolled-back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.notification.count({ where: { kind: "rolled-back" } })).toBe(0);
  });
});
