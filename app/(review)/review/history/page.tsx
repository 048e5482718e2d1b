import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dateTime, formatDuration } from "@/components/review/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePlatform } from "@/lib/auth/session";
import { listReviewHistory } from "@/lib/data/review-queue";
import { getReasonCode } from "@/lib/review/reason-codes";
import { recordIdPattern } from "@/lib/validation/record-id";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("history.title") };
}

const tones = { APPROVED: "success", CHANGES_REQUESTED: "warning", REJECTED: "danger" } as const;

type Props = { searchParams: Promise<{ before?: string | string[]; beforeId?: string | string[] }> };

export default async function ReviewHistoryPage({ searchParams }: Props) {
  await requirePlatform("review:read");
  const query = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const [beforeRaw, beforeId] = [first(query.before), first(query.beforeId)];
  const beforeAt = beforeRaw ? new Date(beforeRaw) : null;
  const before = beforeAt && !Number.isNaN(beforeAt.getTime()) && beforeId && recordIdPattern.test(beforeId) ? { createdAt: beforeAt, id: beforeId } : undefined;
  const take = 50;
  const [t, format, locale, rows] = await Promise.all([getTranslations("review"), getFormatter(), getLocale(), listReviewHistory({ take, before })]);
  const zh = locale.startsWith("zh");
  const last = rows.at(-1);

  return (
    <div className="space-y-6">
      <PageHeader title={t("history.title")} description={t("history.description")} />
      {rows.length === 0 ? (
        <EmptyState title={t("history.empty")} />
      ) : (
        <Table>
          <TableCaption className="sr-only">{t("history.caption")}</TableCaption>
          <THead>
            <TR>
              <TH>{t("history.columns.decidedAt")}</TH>
              <TH>{t("history.columns.integration")}</TH>
              <TH>{t("history.columns.decision")}</TH>
              <TH>{t("history.columns.reasons")}</TH>
              <TH>{t("history.columns.reviewer")}</TH>
              <TH>{t("history.columns.time")}</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id} data-review-id={r.id}>
                <TD className="whitespace-nowrap">{dateTime(format, r.createdAt)}</TD>
                <TH scope="row" className="text-left font-normal">
                  <Link href={`/review/${encodeURIComponent(r.version.id)}`} className="font-medium text-indigo-700 hover:underline">
                    {r.version.integration.name} v{r.version.number}
                  </Link>
                  <p className="text-xs text-slate-600">{r.version.integration.merchant.name}</p>
                </TH>
                <TD>
                  <Badge tone={tones[r.decision]}>{t(`decided.${r.decision}`)}</Badge>
                </TD>
                <TD className="text-xs">
                  {r.reasonCodes.map((code) => {
                    const reason = getReasonCode(code);
                    return <p key={code}>{reason ? (zh ? reason.zh : reason.en) : code}</p>;
                  })}
                  {r.message ? <p className="mt-1 line-clamp-2 text-slate-600">{r.message}</p> : null}
                </TD>
                <TD>{r.reviewer ?? "—"}</TD>
                <TD>{r.version.submittedAt && r.createdAt >= r.version.submittedAt ? formatDuration(format, r.createdAt.getTime() - r.version.submittedAt.getTime()) : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {rows.length === take && last ? (
        <Link href={`/review/history?before=${encodeURIComponent(last.createdAt.toISOString())}&beforeId=${encodeURIComponent(last.id)}`} className="text-sm text-indigo-700 hover:underline">
          {t("history.more")}
        </Link>
      ) : null}
    </div>
  );
}
