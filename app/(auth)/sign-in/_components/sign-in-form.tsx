"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applySavedLocaleAction } from "../actions";

type State = { error: string | null; email: string; done: boolean };

/** next-auth's error codes (from `authorize` or its own) → catalogue keys. */
export function signInErrorKey(code: string): "invalid" | "rateLimited" | "disabled" | "generic" {
  if (code === "CredentialsSignin") return "invalid";
  if (code === "RateLimited") return "rateLimited";
  if (code === "AccountDisabled") return "disabled";
  return "generic";
}

export function SignInForm({ callbackUrl, initialError, initialEmail = "" }: { callbackUrl: string; initialError: string | null; initialEmail?: string }) {
  const t = useTranslations("auth.signIn");
  const [state, formAction, pending] = useActionState(
    async (_prev: State, formData: FormData): Promise<State> => {
      const email = String(formData.get("email") ?? "");
      const result = await signIn("credentials", { email, password: String(formData.get("password") ?? ""), redirect: false });
      if (!result?.ok || result.error) return { error: signInErrorKey(result?.error ?? ""), email, done: false };
      await applySavedLocaleAction();
      // A full navigation, so the new session and language apply everywhere.
      window.location.assign(callbackUrl);
      return { error: null, email, done: true };
    },
    { error: initialError ? signInErrorKey(initialError) : null, email: initialEmail, done: false },
  );
  const busy = pending || state.done;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(`errors.${state.error as "invalid"}`)}
        </p>
      ) : null}
      <Field id="sign-in-email" label={t("email")}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="username" required defaultValue={state.email} />}
      </Field>
      <Field id="sign-in-password" label={t("password")}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
