import "server-only";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";
import { toUserLocale } from "@/lib/i18n/user-locale";

export async function setUserLocale({ userId, locale }: { userId: string; locale: AppLocale }): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale: toUserLocale(locale) } });
}
