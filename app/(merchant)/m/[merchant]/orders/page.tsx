import Link from "@/components/ui/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { requireMerchant } from "@/lib/auth/session";
import { merchantHref } from "@/lib/navigation";
import { paramsToRecord } from "@/lib/validation/attribution";
import { orderFiltersQuery, parseOrderFilters } from "@/lib/validation/order-filters";
import { FilterForm } from "./_components/filter-form";
import { MatchCount } from "./_components/match-count";
import { OrdersTable } from "./_components/orders-table";

export default async function OrdersPage({ params, searchParams }: { params: Promise<{ merchant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ merchant: slug }, query] = await Promise.all([params, searchParams]);
  const { merchant, role } = await requireMerchant(slug, "analytics:read");
  const [t, charts] = await Promise.all([getTranslations("orders"), getTranslations("charts")]);
  const raw = paramsToRecord(query);
  const parsed = parseOrderFilters(raw);
  const base = merchantHref(merchant.slug, "orders");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterForm merchantId={merchant.id} values={raw} errors={parsed.ok ? {} : parsed.errors} resetHref={base} />
      {parsed.ok ? (
        <div className="space-y-4">
          <Suspense key={`count-${JSON.stringify(parsed.params)}`} fallback={<p className="text-sm text-slate-500">{charts("loading")}</p>}>
            <MatchCount
              merchantId={merchant.id}
              filters={parsed.filters}
              exportHref={merchantRoleCan(role, "orders:export") ? `${base}/export?${orderFiltersQuery(parsed.params)}` : null}
            />
          </Suspense>
          <Suspense key={`rows-${JSON.stringify(raw)}`} fallback={<ChartSkeleton label={charts("loading")} height={400} />}>
            <OrdersTable merchantId={merchant.id} slug={merchant.slug} filters={parsed.filters} cursor={parsed.cursor} query={orderFiltersQuery(parsed.params)} />
          </Suspense>
          {raw.cursor ? (
            <Link href={`${base}?${orderFiltersQuery(parsed.params)}`} className="text-sm text-indigo-700 hover:underline">{t("firstPage")}</Link>
          ) : null}
        </div>
      ) : (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("fixFilters")}</p>
      )}
    </>
  );
}
