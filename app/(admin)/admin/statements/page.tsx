import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePlatform } from "@/lib/auth/session";
import { listStatementsToClose } from "@/lib/data/statements";
import { formatFen } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { periodLabel } from "@/app/(merchant)/m/[merchant]/revenue/statements/period-label";
import { closeStatementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revenue.admin"))("title") };
}

export default async function AdminStatementsPage() {
  await requirePlatform("admin:statements");
  const [open, t, locale] = await Promise.all([listStatementsToClose(), getTranslations("revenue.admin"), getLocale() as Promise<AppLocale>]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {open.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <Table data-testid="statements-to-close">
          <TableCaption className="sr-only">{t("title")}</TableCaption>
          <THead>
            <TR>
              <TH>{t("merchant")}</TH>
              <TH>{t("period")}</TH>
              <TH className="text-right">{t("netPayout")}</TH>
              <TH>{t("close")}</TH>
            </TR>
          </THead>
          <TBody>
            {open.map((s) => (
              <TR key={`${s.merchantId}/${s.period}`}>
                <TH scope="row">{s.merchantName}</TH>
                <TD>{periodLabel(s.period, locale)}</TD>
                <TD className="text-right tabular-nums">{formatFen(s.netPayoutFen, locale)}</TD>
                <TD>
                  <InlineActionForm
                    action={closeStatementAction}
                    hidden={{ merchantId: s.merchantId, period: s.period }}
                    submitLabel={t("close")}
                    submitName={t("closeNamed", { merchant: s.merchantName, period: periodLabel(s.period, locale) })}
                    pendingLabel={t("closing")}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
