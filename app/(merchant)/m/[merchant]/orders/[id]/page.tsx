import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireMerchant } from "@/lib/auth/session";
import { getOrder, getOrderLabels } from "@/lib/data/order-explorer";
import { formatDateTime, formatFen } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import { statusTone } from "../_components/orders-table";

export default async function OrderPage({ params }: { params: Promise<{ merchant: string; id: string }> }) {
  const { merchant: slug, id } = await params;
  const { merchant } = await requireMerchant(slug, "analytics:read");
  if (!/^\d{1,18}$/.test(id)) notFound();
  // Scoped by merchant in the query: another merchant's order id is simply not found.
  const order = await getOrder({ merchantId: merchant.id, id: BigInt(id) });
  if (!order) notFound();
  const [t, a, locale, labels] = await Promise.all([
    getTranslations("orders"),
    getTranslations("attribution"),
    getLocale() as Promise<AppLocale>,
    getOrderLabels({ merchantId: merchant.id, agentIds: order.agentId ? [order.agentId] : [], integrationIds: order.integrationId ? [order.integrationId] : [] }),
  ]);
  const rows: [string, React.ReactNode][] = [
    [t("detail.externalId"), <span key="x" className="font-mono">{order.externalId}</span>],
    [t("table.time"), formatDateTime(order.occurredAt, locale)],
    [t("table.channel"), a(`channel.${order.channel}`)],
    [t("table.agent"), order.agentId ? (labels.agents.get(order.agentId) ?? order.agentId) : "—"],
    [t("table.integration"), order.integrationId ? (labels.integrations.get(order.integrationId) ?? order.integrationId) : "—"],
    [t("detail.operation"), order.operationName ?? "—"],
    [t("table.payment"), a(`paymentMethod.${order.paymentMethod}`)],
    [t("table.amount"), `${formatFen(order.amountFen, locale)} ${order.currency}`],
    [t("table.refunded"), formatFen(order.refundedFen, locale)],
    [t("detail.fee"), formatFen(order.feeFen - order.feeRefundedFen, locale)],
    [t("table.status"), <Badge key="s" tone={statusTone[order.status]}>{t(`status.${order.status}`)}</Badge>],
    [t("detail.verification"), order.isVerification ? t("detail.yes") : t("detail.no")],
    [t("detail.rule"), order.revenueRuleId ?? "—"],
  ];
  return (
    <>
      <PageHeader
        title={t("detail.title", { id: order.externalId })}
        actions={<Link href={merchantHref(merchant.slug, "orders")} className="text-sm text-indigo-700 hover:underline">{t("detail.back")}</Link>}
      />
      <Card>
        <CardBody>
          <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-2">
            {rows.map(([k, v]) => (
              <div key={k} className="flex justify-between gap-4 border-b border-slate-100 pb-2">
                <dt className="text-sm text-slate-600">{k}</dt>
                <dd className="text-sm font-medium text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
    </>
  );
}
