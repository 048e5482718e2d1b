import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { requireMerchant } from "@/lib/auth/session";
import { paramsToRecord, parseAttributionView } from "@/lib/validation/attribution";
import { FailureTrendCard } from "./_components/failure-trend-card";
import { PathsCard } from "./_components/paths-card";
import { SkillCandidatesCard } from "./_components/skill-candidates-card";

export default async function ScreenReadingPage({ params, searchParams }: { params: Promise<{ merchant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ merchant: slug }, query] = await Promise.all([params, searchParams]);
  const { merchant } = await requireMerchant(slug, "analytics:read");
  const [t, a, charts] = await Promise.all([getTranslations("screenReading"), getTranslations("attribution"), getTranslations("charts")]);
  const { from, to } = paramsToRecord(query);
  const parsed = parseAttributionView({ from, to }, { today: shanghaiDateOf(new Date()) });
  const view = parsed.ok ? parsed.view : parsed.fallback;
  const range = { merchantId: merchant.id, from: view.from, to: view.to };
  const key = `${view.from}-${view.to}`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" aria-label={t("rangeLabel")} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="space-y-1">
          <label htmlFor="from" className="block text-sm font-medium text-slate-800">{a("form.from")}</label>
          <Input id="from" name="from" type="date" defaultValue={view.from} className="w-40" />
        </div>
        <div className="space-y-1">
          <label htmlFor="to" className="block text-sm font-medium text-slate-800">{a("form.to")}</label>
          <Input id="to" name="to" type="date" defaultValue={view.to} className="w-40" />
        </div>
        <Button type="submit">{a("form.apply")}</Button>
        {!parsed.ok ? <p role="alert" className="text-sm text-amber-800">{t("invalidRange")}</p> : null}
      </form>
      <div className="space-y-6">
        <Suspense key={`trend-${key}`} fallback={<ChartSkeleton label={charts("loading")} height={300} />}>
          <FailureTrendCard {...range} />
        </Suspense>
        <Suspense key={`rank-${key}`} fallback={<ChartSkeleton label={charts("loading")} height={200} />}>
          <SkillCandidatesCard {...range} />
        </Suspense>
        <Suspense key={`paths-${key}`} fallback={<ChartSkeleton label={charts("loading")} height={300} />}>
          <PathsCard {...range} />
        </Suspense>
      </div>
    </>
  );
}
