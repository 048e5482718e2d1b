// Sign-in and registration input. Error messages are catalogue keys; the action wrapper
// translates them into the reader's language.
import { z } from "zod";
import { MerchantCategory } from "@/lib/generated/prisma/enums";
import { checkPassword, type PasswordProblem } from "@/lib/auth/password-policy";

export const emailSchema = z
  .string({ error: "auth.validation.emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, "auth.validation.emailRequired")
  .max(254, "auth.validation.emailInvalid")
  .pipe(z.email("auth.validation.emailInvalid"));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "auth.validation.passwordRequired" }).min(1, "auth.validation.passwordRequired").max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

const passwordMessages: Record<PasswordProblem, string> = {
  tooShort: "auth.validation.passwordTooShort",
  tooLong: "auth.validation.passwordTooLong",
  common: "auth.validation.passwordCommon",
  sameAsEmail: "auth.validation.passwordSameAsEmail",
};

export const nameSchema = z
  .string({ error: "auth.validation.nameRequired" })
  .trim()
  .min(1, "auth.validation.nameRequired")
  .max(100, "auth.validation.nameTooLong");

export const merchantSlugSchema = z
  .string({ error: "auth.validation.slugInvalid" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, "auth.validation.slugInvalid");

export const createMerchantSchema = z.object({
  merchantName: z.string().trim().min(1, "auth.validation.merchantNameRequired").max(100, "auth.validation.nameTooLong"),
  merchantSlug: merchantSlugSchema,
  merchantCategory: z.enum(MerchantCategory, { error: "auth.validation.categoryRequired" }),
});

/** A new password checked against the policy (and against the account's email). */
export function refinePassword(input: { email: string; password: string }, ctx: z.RefinementCtx) {
  const problem = checkPassword(input.password, { email: input.email });
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: passwordMessages[problem] });
}

export const registerSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: z.string({ error: "auth.validation.passwordRequired" }),
    createMerchant: z.literal("on").optional(),
    merchantName: z.string().optional(),
    merchantSlug: z.string().optional(),
    merchantCategory: z.string().optional(),
  })
  .superRefine(refinePassword)
  .transform((input, ctx) => {
    const base = { name: input.name, email: input.email, password: input.password };
    if (!input.createMerchant) return { ...base, merchant: null };
    const merchant = createMerchantSchema.safeParse(input);
    if (!merchant.success) {
      for (const issue of merchant.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return {
      ...base,
      merchant: { name: merchant.data.merchantName, slug: merchant.data.merchantSlug, category: merchant.data.merchantCategory },
    };
  });
export type RegisterInput = z.infer<typeof registerSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "auth.validation.passwordRequired"),
    password: z.string({ error: "auth.validation.passwordRequired" }),
    email: emailSchema,
  })
  .superRefine(refinePassword);
