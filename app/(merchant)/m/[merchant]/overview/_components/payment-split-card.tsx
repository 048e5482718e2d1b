import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { DonutChart } from "@/components/charts/charts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getPaymentMethodSplit } from "@/lib/data/attribution";
import { formatFen, formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { WidgetProps } from "./widget-props";

export async function PaymentSplitCard({ merchantId, view }: WidgetProps) {
  const [split, t, a, charts, locale] = await Promise.all([
    getPaymentMethodSplit({ merchantId, view }),
    getTranslations("overview"),
    getTranslations("attribution"),
    getTranslations("charts"),
    getLocale() as Promise<AppLocale>,
  ]);
  const label = (key: string) => a(`paymentMethod.${key}`);
  return (
    <Card>
      <CardHeader title={t("payments.title")} description={t("payments.description")} />
      <CardBody>
        <ChartFigure
          id="overview-payments"
          title={t("payments.chart")}
          table={{
            caption: t("payments.chart"),
            columns: [t("payments.method"), t("gmv"), t("orders"), t("topAgents.share")],
            rows: split.groups.map((g) => ({ header: label(g.key), cells: [formatFen(g.gmvFen, locale), g.orders.toString(), formatPercentBps(g.shareBps)] })),
          }}
          showTableLabel={charts("showTable")}
        >
          <DonutChart slices={split.groups.map((g) => ({ key: g.key, label: label(g.key), value: Number(g.gmvFen) }))} kind="fen" locale={locale} />
        </ChartFigure>
      </CardBody>
    </Card>
  );
}
