import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { getInvitationByToken } from "@/lib/data/invitations";
import { merchantHref } from "@/lib/navigation";
import { AcceptForm } from "./_components/accept-form";
import { SwitchAccountButton } from "./_components/switch-account-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.invite"))("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const invitation = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await getInvitationByToken({ token }) : null;
  const user = await getSessionUser();
  const here = `/invite/${token}`;

  let body: ReactNode;
  if (!invitation || invitation.state !== "pending") {
    const key = invitation ? invitation.state : "notFound";
    const isMember = invitation?.state === "accepted" && user?.email === invitation.email;
    body = (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-700">
          {t(`invite.${key as "notFound"}`)}
        </p>
        {isMember ? (
          <Link href={merchantHref(invitation.merchant.slug)} className={buttonClasses({ variant: "secondary" })}>
            {t("invite.goToMerchant", { merchant: invitation.merchant.name })}
          </Link>
        ) : null}
      </div>
    );
  } else if (user && user.email === invitation.email) {
    body = <AcceptForm token={token} />;
  } else if (user) {
    body = (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-700">
          {t("invite.wrongEmail", { current: user.email, email: invitation.email })}
        </p>
        <SwitchAccountButton label={t("invite.signOut")} returnTo={here} />
      </div>
    );
  } else {
    const callback = encodeURIComponent(here);
    body = (
      <div className="space-y-3">
        <Link href={`/sign-in?callbackUrl=${callback}&email=${encodeURIComponent(invitation.email)}`} className={buttonClasses({ size: "md" }) + " w-full"}>
          {t("invite.signInToAccept")}
        </Link>
        <Link
          href={`/register?callbackUrl=${callback}&email=${encodeURIComponent(invitation.email)}`}
          className={buttonClasses({ variant: "secondary" }) + " w-full"}
        >
          {t("invite.registerToAccept")}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("invite.title")}</h1>
        {invitation ? (
          <>
            <p className="mt-2 text-sm text-slate-700">
              {t("invite.summary", { merchant: invitation.merchant.name, role: t(`roles.${invitation.role}`) })}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("invite.forEmail", { email: invitation.email })}</p>
          </>
        ) : null}
      </div>
      {body}
    </div>
  );
}
