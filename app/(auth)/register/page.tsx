import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { CreateMerchantForm } from "./_components/create-merchant-form";
import { RegisterForm } from "./_components/register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.register"))("title") };
}

type Search = { callbackUrl?: string | string[]; email?: string | string[] };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const t = await getTranslations("auth.register");

  // Signed in already: this page is where "Create a merchant" leads.
  if (await getSessionUser()) {
    return (
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("newMerchantTitle")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("newMerchantDescription")}</p>
        </div>
        <CreateMerchantForm />
      </div>
    );
  }

  const raw = first(params.callbackUrl);
  const callbackUrl = raw ? safeCallbackUrl(raw) : null;
  const signInHref = callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      <RegisterForm callbackUrl={callbackUrl} initialEmail={first(params.email) ?? ""} />
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href={signInHref} className="font-medium text-indigo-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
