import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getOrderLabels, listOrders } from "@/lib/data/order-explorer";
import { formatDateTime, formatFen } from "@/lib/format";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import type { OrderCursor } from "@/lib/orders/cursor";
import type { OrderFilters } from "@/lib/validation/order-filters";

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
        <TBody>
          {orders.map((o) => (
            <TR key={o.id.toString()}>
              <TH scope="row">
                <Link href={`${base}/${o.id}`} className="text-indigo-700 hover:underline">{o.externalId}</Link>
                {o.isVerification ? <span className="ml-2"><Badge tone="info">{t("verificationBadge")}</Badge></span> : null}
              </TH>
              <TD>{formatDateTime(o.occurredAt, locale)}</TD>
              <TD>{a(`channel.${o.channel}`)}</TD>
              <TD>{o.agentId ? (labels.agents.get(o.agentId) ?? o.agentId) : "—"}</TD>
              <TD>{o.integrationId ? `${labels.integrations.get(o.integrationId) ?? o.integrationId}${o.operationName ? ` · ${o.operationName}` : ""}` : "—"}</TD>
              <TD>{a(`paymentMethod.${o.paymentMethod}`)}</TD>
              <TD className="text-right tabular-nums">{formatFen(o.amountFen, locale)}</TD>
              <TD className="text-right tabular-nums">{o.refundedFen > 0n ? formatFen(o.refundedFen, locale) : "—"}</TD>
              <TD><Badge tone={statusTone[o.status]}>{t(`status.${o.status}`)}</Badge></TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {nextCursor ? (
        <nav aria-label={t("pagination")} className="flex justify-end">
          <Link href={`${base}?${query ? `${query}&` : ""}cursor=${nextCursor}`} className="text-sm font-medium text-indigo-700 hover:underline" rel="next">{t("nextPage")}</Link>
        </nav>
      ) : null}
    </div>
  );
}
