"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/data/notifications";
import { recordId } from "@/lib/validation/record-id";

/** Only paths of this app: a stored link never sends anyone to another site. */
function isAppPath(link: string | null | undefined): link is string {
  return !!link && link.startsWith("/") && !link.startsWith("//") && !link.includes("\\");
}

export const openNotificationAction = userAction(z.object({ id: recordId() }), async ({ id }, user) => {
  const notification = await markNotificationRead({ userId: user.id, id });
  revalidatePath("/", "layout");
  if (isAppPath(notification?.link)) redirect(notification.link);
  return { ok: true };
});

export const markAllNotificationsReadAction = userAction(z.object({}), async (_input, user) => {
  await markAllNotificationsRead({ userId: user.id });
  revalidatePath("/", "layout");
  return { ok: true };
});
