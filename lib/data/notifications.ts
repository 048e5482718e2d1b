import "server-only";
import { db } from "@/lib/db";

export async function countUnread({ userId }: { userId: string }): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
