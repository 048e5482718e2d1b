import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { requireMerchant } from "@/lib/auth/session";
import { cancelRevenueRuleAction, previewRevenueRuleAction, scheduleRevenueRuleAction } from "./actions";
import { RevenueTabs } from "./_components/revenue-tabs";
import { RulesView } from "./_components/rules-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revenue"))("title") };
}

export default async function RevenueRulesPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const ctx = await requireMerchant(slug, "revenue:read");
  const t = await getTranslations("revenue");
  return (
    <div>
      <PageHeader title={t("title")} description={t("description", { merchant: ctx.merchant.name })} />
      <RevenueTabs merchant={ctx.merchant.slug} current="rules" />
      <RulesView
        merchant={ctx.merchant}
        canManage={merchantRoleCan(ctx.role, "revenue:manage")}
        actions={{ cancelAction: cancelRevenueRuleAction, previewAction: previewRevenueRuleAction, scheduleAction: scheduleRevenueRuleAction }}
      />
    </div>
  );
}
