import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser } from "@/lib/auth/session";
import { listMembershipsForUser } from "@/lib/data/memberships";
import { homePath } from "@/lib/navigation";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const memberships = await listMembershipsForUser({ userId: user.id });
  const home = homePath({ memberships, platformRole: user.platformRole });
  if (home) redirect(home);

  const t = await getTranslations("shell.noAccess");
  return (
    <AppShell user={user}>
      <h1 className="sr-only">{t("title")}</h1>
      <div className="mx-auto max-w-xl pt-10">
        <EmptyState
          title={t("title")}
          description={t("description")}
          action={
            <Link href="/register" className={buttonClasses()}>
              {t("createMerchant")}
            </Link>
          }
        />
      </div>
    </AppShell>
  );
}
