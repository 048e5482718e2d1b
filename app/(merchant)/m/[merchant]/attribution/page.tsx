import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { requireMerchant } from "@/lib/auth/session";
import { paramsToRecord, parseAttributionView } from "@/lib/validation/attribution";
import { AttributionReportView } from "./_components/attribution-report";
import { ViewForm } from "./_components/view-form";

export default async function AttributionPage({ params, searchParams }: { params: Promise<{ merchant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ merchant: slug }, query] = await Promise.all([params, searchParams]);
  const { merchant } = await requireMerchant(slug, "analytics:read");
  const [t, charts] = await Promise.all([getTranslations("attribution"), getTranslations("charts")]);
  const parsed = parseAttributionView(paramsToRecord(query), { today: shanghaiDateOf(new Date()) });
  const view = parsed.ok ? parsed.view : parsed.fallback;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!parsed.ok ? (
        <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">{t("invalid.title")}</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.issues.map((issue, i) => (
              <li key={i}>{t("invalid.field", { field: issue.path })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ViewForm view={view} />
      {/* Keyed by the view so a new query shows the skeleton instead of stale numbers. */}
      <Suspense key={JSON.stringify(view)} fallback={<ChartSkeleton label={charts("loading")} height={360} />}>
        <AttributionReportView merchantId={merchant.id} slug={merchant.slug} view={view} />
      </Suspense>
    </>
  );
}
