"use server";

import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { localeCookie } from "@/lib/i18n/config";
import { fromUserLocale } from "@/lib/i18n/user-locale";

const oneYearInSeconds = 60 * 60 * 24 * 365;

/** Right after sign-in: show the app in the language the user saved. */
export async function applySavedLocaleAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user) return;
  (await cookies()).set(localeCookie, fromUserLocale(user.locale), { path: "/", maxAge: oneYearInSeconds, sameSite: "lax" });
}
