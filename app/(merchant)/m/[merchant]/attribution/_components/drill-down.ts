import { noneKey } from "@/lib/attribution/dimensions";
import type { AttributionView } from "@/lib/attribution/view";
import { merchantHref } from "@/lib/navigation";
import { orderFiltersQuery } from "@/lib/validation/order-filters";

const filterFor = { channel: "channel", agent: "agent", integration: "integration", payment_method: "paymentMethod" } as const;

/**
 * The explorer URL listing exactly the orders behind one row: same days, non-cancelled (as the
 * rollups count them), verification charges left out unless the view includes them. null for
 * "no agent"/"no integration", which the explorer cannot filter on.
 */
export function drillDownHref(slug: string, view: AttributionView, key: string | null, range: { from: string; to: string } = view): string | null {
  if (key === noneKey) return null;
  const query = orderFiltersQuery({
    from: range.from,
    to: range.to,
    status: "NOT_CANCELLED",
    verification: view.includeVerification ? undefined : "exclude",
    ...(key === null ? {} : { [filterFor[view.groupBy]]: key }),
  });
  return `${merchantHref(slug, "orders")}?${query}`;
}
