import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { listIntegrationsNeedingAttention } from "@/lib/data/integration-attention";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import type { WidgetProps } from "./widget-props";

export async function AttentionCard({ merchantId, slug }: WidgetProps) {
  const [items, t, locale] = await Promise.all([listIntegrationsNeedingAttention({ merchantId }), getTranslations("overview"), getLocale() as Promise<AppLocale>]);
  return (
    <Card>
      <CardHeader title={t("attention.title")} description={t("attention.description")} />
      <CardBody>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("attention.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <Link href={merchantHref(slug, "integrations")} className="block truncate text-sm font-medium text-indigo-700 hover:underline">{i.name}</Link>
                  <p className="text-xs text-slate-500">{t("attention.since", { date: formatDate(i.since, locale) })}</p>
                </div>
                <Badge tone={i.reason === "drift" || i.status === "CHANGES_REQUESTED" ? "warning" : "danger"}>
                  {i.reason === "drift" ? t("attention.drift") : t(`attention.status.${i.status}`)}
                  {i.versionNumber !== null && i.reason === "status" ? ` · v${i.versionNumber}` : ""}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
