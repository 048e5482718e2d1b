import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { averageFen } from "@/lib/attribution/share";
import { getScreenReadByPath, getScreenReadOrderValue } from "@/lib/data/screen-reading";
import { formatFen, formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { rankSkillCandidates } from "@/lib/screen-reading/skill-candidates";

export async function SkillCandidatesCard({ merchantId, from, to }: { merchantId: string; from: string; to: string }) {
  const [paths, value, t, locale] = await Promise.all([
    getScreenReadByPath({ merchantId, from, to }),
    getScreenReadOrderValue({ merchantId, from, to }),
    getTranslations("screenReading"),
    getLocale() as Promise<AppLocale>,
  ]);
  const ranked = rankSkillCandidates(paths, value);
  const aov = averageFen(value.gmvFen, value.orders);
  return (
    <Card>
      <CardHeader title={t("candidates.title")} description={t("candidates.description")} />
      <CardBody className="space-y-3">
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="formula">
          {t("candidates.formula", { aov: formatFen(aov, locale), gmv: formatFen(value.gmvFen, locale), orders: value.orders.toString() })}
        </p>
        {ranked.length === 0 ? (
          <p className="text-sm text-slate-600">{t("candidates.empty")}</p>
        ) : (
          <Table>
            <TableCaption className="sr-only">{t("candidates.title")}</TableCaption>
            <THead>
              <tr>
                <TH>{t("candidates.rank")}</TH>
                <TH>{t("paths.path")}</TH>
                <TH className="text-right">{t("candidates.lostOrders")}</TH>
                <TH className="text-right">{t("failureRate")}</TH>
                <TH>{t("paths.topFailure")}</TH>
                <TH className="text-right">{t("candidates.lostValue")}</TH>
              </tr>
            </THead>
            <TBody>
              {ranked.map((c, i) => (
                <TR key={c.pagePath}>
                  <TD>{i + 1}</TD>
                  <TH scope="row" className="font-mono text-xs">{c.pagePath}</TH>
                  <TD className="text-right tabular-nums">{c.lostOrders.toString()}</TD>
                  <TD className="text-right tabular-nums">{formatPercentBps(c.failureRateBps)}</TD>
                  <TD>{c.topFailure ? t(`outcome.${c.topFailure}`) : "—"}</TD>
                  <TD className="text-right tabular-nums font-medium">{formatFen(c.lostValueFen, locale)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}
