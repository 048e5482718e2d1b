"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { ActionError, publicAction, userAction } from "@/lib/auth/action";
import { clientAddress, registerAddressKey, registerAddressRule } from "@/lib/auth/sign-in-limits";
import { MerchantSlugTakenError, createMerchantWithOwner } from "@/lib/data/merchants";
import { hitRateLimit, peekRateLimit } from "@/lib/data/rate-limit";
import { EmailTakenError, createUser } from "@/lib/data/users";
import { isLocale, localeCookie } from "@/lib/i18n/config";
import { toUserLocale } from "@/lib/i18n/user-locale";
import { merchantHref } from "@/lib/navigation";
import { createMerchantSchema, registerSchema } from "@/lib/validation/auth";

function slugTaken(): never {
  throw new ActionError("auth.errors.invalidInput", { merchantSlug: ["auth.validation.slugTaken"] });
}

/** Creates the account (and merchant); the form then signs in through next-auth. */
export const registerAction = publicAction(registerSchema, async (input) => {
  // Every attempt counts (each one costs a password hash), refused once the window is full.
  const limit = { key: registerAddressKey(clientAddress(await headers())), rule: registerAddressRule };
  if ((await peekRateLimit(limit)).limited) throw new ActionError("auth.register.rateLimited");
  await hitRateLimit(limit);
  const cookieLocale = (await cookies()).get(localeCookie)?.value;
  try {
    const { merchant } = await createUser({
      name: input.name,
      email: input.email,
      password: input.password,
      locale: toUserLocale(isLocale(cookieLocale) ? cookieLocale : "zh-CN"),
      merchant: input.merchant,
    });
    return { ok: true as const, redirectTo: merchant ? merchantHref(merchant.slug) : null };
  } catch (error) {
    if (error instanceof EmailTakenError) throw new ActionError("auth.errors.invalidInput", { email: ["auth.validation.emailTaken"] });
    if (error instanceof MerchantSlugTakenError) slugTaken();
    throw error;
  }
});

/** A signed-in user creating another merchant (the shell's "Create a merchant"). */
export const createMerchantAction = userAction(createMerchantSchema, async (input, user) => {
  let slug: string;
  try {
    ({ slug } = await createMerchantWithOwner({
      merchant: { name: input.merchantName, slug: input.merchantSlug, category: input.merchantCategory },
      ownerId: user.id,
    }));
  } catch (error) {
    if (error instanceof MerchantSlugTakenError) slugTaken();
    throw error;
  }
  redirect(merchantHref(slug));
});
