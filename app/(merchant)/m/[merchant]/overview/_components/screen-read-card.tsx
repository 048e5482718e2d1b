import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { shareBps } from "@/lib/attribution/share";
import { previousPeriod } from "@/lib/attribution/view";
import { getScreenReadTotals } from "@/lib/data/screen-reading";
import { formatPercentBps } from "@/lib/format";
import { merchantHref } from "@/lib/navigation";
import { ChangeBadge } from "./change-badge";
import type { WidgetProps } from "./widget-props";

export async function ScreenReadCard({ merchantId, slug, view }: WidgetProps) {
  const prev = previousPeriod(view);
  const [current, previous, t] = await Promise.all([
    getScreenReadTotals({ merchantId, from: view.from, to: view.to }),
    getScreenReadTotals({ merchantId, from: prev.from, to: prev.to }),
    getTranslations("overview"),
  ]);
  const rate = shareBps(current.failures, current.sessions);
  const before = shareBps(previous.failures, previous.sessions);
  return (
    <Card>
      <CardHeader title={t("screenRead.title")} description={t("screenRead.description")} actions={<Link href={merchantHref(slug, "screen-reading")} className="text-sm text-indigo-700 hover:underline">{t("more")}</Link>} />
      <CardBody>
        <p className="flex items-baseline gap-3">
          <span className="text-3xl font-semibold tabular-nums text-slate-900">{formatPercentBps(rate)}</span>
          <ChangeBadge points={previous.sessions === 0n ? null : rate - before} label={t("screenRead.change")} higherIsBetter={false} />
        </p>
        <p className="mt-2 text-sm text-slate-600">{t("screenRead.detail", { failures: current.failures.toString(), sessions: current.sessions.toString() })}</p>
      </CardBody>
    </Card>
  );
}
