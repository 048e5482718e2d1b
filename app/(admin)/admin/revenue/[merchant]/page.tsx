import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatform } from "@/lib/auth/session";
import { findMerchantBySlug } from "@/lib/data/revenue-rules";
import { RulesView } from "@/app/(merchant)/m/[merchant]/revenue/_components/rules-view";
import { adminCancelRevenueRuleAction, adminPreviewRevenueRuleAction, adminScheduleRevenueRuleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revenue"))("title") };
}

export default async function AdminMerchantRevenuePage({ params }: { params: Promise<{ merchant: string }> }) {
  await requirePlatform("admin:revenue");
  const { merchant: slug } = await params;
  const merchant = await findMerchantBySlug(slug);
  if (!merchant) notFound();
  const t = await getTranslations("revenue");
  return (
    <div>
      <PageHeader title={`${t("title")} · ${merchant.name}`} description={t("adminRules.description")} />
      <p className="mb-6 text-sm">
        <Link href="/admin/revenue" className="text-indigo-700 hover:underline">{t("adminRules.back")}</Link>
      </p>
      <RulesView merchant={merchant} canManage actions={{ cancelAction: adminCancelRevenueRuleAction, previewAction: adminPreviewRevenueRuleAction, scheduleAction: adminScheduleRevenueRuleAction }} />
    </div>
  );
}
