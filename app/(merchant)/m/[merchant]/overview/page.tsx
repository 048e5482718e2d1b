import Link from "@/components/ui/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { requireMerchant } from "@/lib/auth/session";
import { merchantHref } from "@/lib/navigation";
import { defaultView } from "@/lib/validation/attribution";
import { AiShareCard } from "./_components/ai-share-card";
import { AttentionCard } from "./_components/attention-card";
import { ChannelTrendCard } from "./_components/channel-trend-card";
import { PaymentSplitCard } from "./_components/payment-split-card";
import { ScreenReadCard } from "./_components/screen-read-card";
import { TopAgentsCard } from "./_components/top-agents-card";

export default async function OverviewPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const { merchant } = await requireMerchant(slug, "analytics:read");
  const [t, charts] = await Promise.all([getTranslations("overview"), getTranslations("charts")]);
  const view = defaultView(shanghaiDateOf(new Date()));
  const loading = charts("loading");
  const base = { merchantId: merchant.id, slug: merchant.slug, view };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { from: view.from, to: view.to })}
        actions={
          <Link href={merchantHref(merchant.slug, "attribution")} className={buttonClasses({ variant: "secondary" })}>
            {t("openAttribution")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Suspense fallback={<ChartSkeleton label={loading} height={300} />}>
            <ChannelTrendCard {...base} />
          </Suspense>
        </div>
        <div className="space-y-6">
          <Suspense fallback={<ChartSkeleton label={loading} height={80} />}>
            <AiShareCard {...base} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton label={loading} height={80} />}>
            <ScreenReadCard {...base} />
          </Suspense>
        </div>
        <Suspense fallback={<ChartSkeleton label={loading} />}>
          <TopAgentsCard {...base} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton label={loading} />}>
          <PaymentSplitCard {...base} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton label={loading} />}>
          <AttentionCard {...base} />
        </Suspense>
      </div>
    </>
  );
}
