import { getTranslations } from "next-intl/server";
import { countOrders } from "@/lib/data/order-explorer";
import type { OrderFilters } from "@/lib/validation/order-filters";
import { ExportButton } from "./export-button";

export async function MatchCount({ merchantId, filters, exportHref }: { merchantId: string; filters: OrderFilters; exportHref: string | null }) {
  const [count, t] = await Promise.all([countOrders({ merchantId, filters }), getTranslations("orders")]);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700" data-testid="order-count" data-count={count}>
        {t("matching", { count })}
      </p>
      {exportHref ? <ExportButton href={exportHref} expected={count} /> : null}
    </div>
  );
}
