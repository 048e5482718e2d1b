import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireMerchant } from "@/lib/auth/session";
import { listAgents } from "@/lib/data/agents";
import { getStatement } from "@/lib/data/statements";
import { formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { merchantHref } from "@/lib/navigation";
import { isPeriod, periodOf } from "@/lib/revenue/period";
import { PrintButton } from "@/app/(merchant)/m/[merchant]/revenue/_components/print-button";
import { StatementBody } from "@/app/(merchant)/m/[merchant]/revenue/_components/statement-body";
import { periodLabel } from "@/app/(merchant)/m/[merchant]/revenue/statements/period-label";

// The printable statement: outside the app shell (no navigation to print), same figures and
// lines as the detail page, a print button, and print styles that drop the buttons.

export async function generateMetadata({ params }: { params: Promise<{ period: string }> }): Promise<Metadata> {
  const { period } = await params;
  return { title: (await getTranslations("statements"))("detailTitle", { period: isPeriod(period) ? periodLabel(period, (await getLocale()) as AppLocale) : period }) };
}

export default async function PrintableStatementPage({ params }: { params: Promise<{ merchant: string; period: string }> }) {
  const { merchant: slug, period } = await params;
  const ctx = await requireMerchant(slug, "statements:read");
  const now = new Date();
  if (!isPeriod(period) || period > periodOf(now)) notFound();
  const [statement, agents, t, locale] = await Promise.all([getStatement({ merchantId: ctx.merchant.id, period }), listAgents(), getTranslations("statements"), getLocale() as Promise<AppLocale>]);
  const back = `${merchantHref(ctx.merchant.slug, "revenue")}/statements/${period}`;
  return (
    <main id="main-content" className="mx-auto max-w-5xl space-y-6 bg-white p-8 print:max-w-none print:p-0">
      <div className="flex items-center justify-between gap-4 print:hidden">
        <Link href={back} className="text-sm text-indigo-700 hover:underline">{t("backToStatement")}</Link>
        <PrintButton label={t("print")} />
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-sm text-slate-600">Skillgate · {t("printHeading")}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("detailTitle", { period: periodLabel(period, locale) })}</h1>
        <p className="mt-1 text-sm text-slate-700">{ctx.merchant.name}</p>
        <p className="mt-1 text-xs text-slate-600" data-testid="print-status">
          {statement.status === "CLOSED" ? t("closedOn", { date: formatDateTime(statement.closedAt!, locale) }) : t("openPrinted", { date: formatDateTime(now, locale) })}
        </p>
      </header>
      <StatementBody statement={statement} agentNames={new Map(agents.map((a) => [a.id, a.name]))} locale={locale} />
      <footer className="border-t border-slate-300 pt-3 text-xs text-slate-600">{t("printFooter")}</footer>
    </main>
  );
}
