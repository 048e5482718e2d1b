"use server";

import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/data/user-preferences";
import { isLocale, localeCookie } from "./config";

const oneYearInSeconds = 60 * 60 * 24 * 365;

/** The header's language switch. Setting a cookie in an action makes Next re-render the page. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  // Readable by script on purpose: global-error renders without the root layout and reads it.
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: oneYearInSeconds, sameSite: "lax" });
  const user = await getSessionUser();
  if (user) await setUserLocale({ userId: user.id, locale });
}
