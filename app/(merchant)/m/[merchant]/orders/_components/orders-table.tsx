import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCaption, TH, THead } from "@/components/ui/table";
import { getOrderLabels, listOrders } from "@/lib/data/order-explorer";
import { formatDateTime, formatFen } from "@/lib/format";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import type { OrderCursor } from "@/lib/orders/cursor";
import type { OrderFilters } from "@/lib/validation/order-filters";
import { OrderRows } from "./order-rows";

export const statusTone: Record<OrderStatus, BadgeTone> = { PAID: "success", PARTIALLY_REFUNDED: "warning", REFUNDED: "neutral", CANCELLED: "danger" };

export async function OrdersTable({ merchantId, slug, filters, cursor, query }: { merchantId: string; slug: string; filters: OrderFilters; cursor: OrderCursor | null; query: string }) {
  const [{ orders, nextCursor }, t, a, locale] = await Promise.all([listOrders({ merchantId, filters, cursor }), getTranslations("orders"), getTranslations("attribution"), getLocale() as Promise<AppLocale>]);
  if (orders.length === 0) return <EmptyState title={t("empty.title")} description={t("empty.description")} />;
  const labels = await getOrderLabels({
    merchantId,
    agentIds: [...new Set(orders.flatMap((o) => (o.agentId ? [o.agentId] : [])))],
    integrationIds: [...new Set(orders.flatMap((o) => (o.integrationId ? [o.integrationId] : [])))],
  });
  const base = merchantHref(slug, "orders");
  return (
    <div className="space-y-3">
      <Table>
        <TableCaption className="sr-only">{t("table.caption")}</TableCaption>
        <THead>
          <tr>
            <TH>{t("table.order")}</TH>
            <TH>{t("table.time")}</TH>
            <TH>{t("table.channel")}</TH>
            <TH>{t("table.agent")}</TH>
            <TH>{t("table.integration")}</TH>
            <TH>{t("table.payment")}</TH>
            <TH className="text-right">{t("table.amount")}</TH>
            <TH className="text-right">{t("table.refunded")}</TH>
            <TH>{t("table.status")}</TH>
          </tr>
        </THead>
        <OrderRows
          rows={orders.map((o) => ({
            key: o.id.toString(),
            href: `${base}/${o.id}`,
            externalId: o.externalId,
            verificationBadge: o.isVerification ? t("verificationBadge") : undefined,
            time: formatDateTime(o.occurredAt, locale),
            channel: a(`channel.${o.channel}`),
            agent: o.agentId ? (labels.agents.get(o.agentId) ?? o.agentId) : "—",
            integration: o.integrationId ? `${labels.integrations.get(o.integrationId) ?? o.integrationId}${o.operationName ? ` · ${o.operationName}` : ""}` : "—",
            payment: a(`paymentMethod.${o.paymentMethod}`),
            amount: formatFen(o.amountFen, locale),
            refunded: o.refundedFen > 0n ? formatFen(o.refundedFen, locale) : "—",
            status: t(`status.${o.status}`),
            statusTone: statusTone[o.status],
          }))}
        />
      </Table>
      {nextCursor ? (
        <nav aria-label={t("pagination")} className="flex justify-end">
          <Link href={`${base}?${query ? `${query}&` : ""}cursor=${nextCursor}`} className="text-sm font-medium text-indigo-700 hover:underline" rel="next">{t("nextPage")}</Link>
        </nav>
      ) : null}
    </div>
  );
}
