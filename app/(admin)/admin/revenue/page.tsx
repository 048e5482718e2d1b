import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatform } from "@/lib/auth/session";
import { listMerchantsForRevenue } from "@/lib/data/revenue-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revenue.adminRules"))("title") };
}

export default async function AdminRevenuePage() {
  await requirePlatform("admin:revenue");
  const [merchants, t] = await Promise.all([listMerchantsForRevenue(), getTranslations("revenue.adminRules")]);
  return (
    <div>
      <PageHeader title={t("title")} description={t("listDescription")} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
        {merchants.map((m) => (
          <li key={m.id} className="flex items-center justify-between px-4 py-3 text-sm">
            <Link href={`/admin/revenue/${encodeURIComponent(m.slug)}`} className="font-medium text-indigo-700 hover:underline">{m.name}</Link>
            <span className="text-slate-600">{t("versions", { count: m.rules })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
