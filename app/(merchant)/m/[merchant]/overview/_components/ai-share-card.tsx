import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { shareBps } from "@/lib/attribution/share";
import { getAiShare } from "@/lib/data/attribution";
import { formatFen, formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { ChangeBadge } from "./change-badge";
import type { WidgetProps } from "./widget-props";

export async function AiShareCard({ merchantId, view }: WidgetProps) {
  const [share, t, locale] = await Promise.all([getAiShare({ merchantId, view }), getTranslations("overview"), getLocale() as Promise<AppLocale>]);
  const current = shareBps(share.aiGmvFen, share.totalGmvFen);
  const previous = shareBps(share.previousAiGmvFen, share.previousTotalGmvFen);
  return (
    <Card>
      <CardHeader title={t("aiShare.title")} description={t("aiShare.description")} />
      <CardBody>
        <p className="flex items-baseline gap-3">
          <span className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="ai-share">{formatPercentBps(current)}</span>
          <ChangeBadge points={share.previousTotalGmvFen === 0n ? null : current - previous} label={t("aiShare.change")} />
        </p>
        <p className="mt-2 text-sm text-slate-600">
          {t("aiShare.detail", { ai: formatFen(share.aiGmvFen, locale), total: formatFen(share.totalGmvFen, locale), previous: formatPercentBps(previous) })}
        </p>
      </CardBody>
    </Card>
  );
}
