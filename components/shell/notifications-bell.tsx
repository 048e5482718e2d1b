import { getFormatter, getTranslations } from "next-intl/server";
import { listNotifications } from "@/lib/data/notifications";
import { NotificationsMenu, type NotificationView } from "./notifications-menu";

const SHOWN = 10;

/** The bell with the unread count and a panel of the latest notifications, each in the reader's language. */
export async function NotificationsBell({ userId, unread }: { userId: string; unread: number }) {
  const [items, t, format] = await Promise.all([listNotifications({ userId, take: SHOWN }), getTranslations("notifications"), getFormatter()]);
  const now = new Date();
  const views: NotificationView[] = items.map((n) => ({
    id: n.id,
    text: t.has(`kinds.${n.kind}`) ? t(`kinds.${n.kind}`, n.params) : t("kinds.unknown"),
    time: format.relativeTime(n.createdAt, now),
    exactTime: n.createdAt.toISOString(),
    unread: n.readAt === null,
    hasLink: !!n.link,
  }));
  return <NotificationsMenu unread={unread} items={views} />;
}
