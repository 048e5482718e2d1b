import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dateTime } from "@/components/review/format";
import { ReviewForm } from "@/components/review/review-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { platformRoleCan } from "@/lib/auth/permissions";
import { requirePlatform } from "@/lib/auth/session";
import { listReviewQueue, listSuspendedVersions } from "@/lib/data/review-queue";
import { integrationCategories } from "@/lib/validation/integrations";
import { queueFiltersSchema } from "@/lib/validation/review";
import { claimAction } from "./actions";
import { SlaBadge } from "./_components/sla-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("queue.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requirePlatform("review:read");
  const filters = queueFiltersSchema.parse(await searchParams);
  const [t, ti, format, rows, suspended] = await Promise.all([
    getTranslations("review"),
    getTranslations("integrations"),
    getFormatter(),
    listReviewQueue({ reviewerId: user.id, filters }),
    listSuspendedVersions(),
  ]);
  const canDecide = platformRoleCan(user.platformRole, "review:decide");
  const now = new Date();
  const any = { value: "", label: t("queue.any") };
  const filterSelects = [
    { name: "kind", label: t("queue.kind"), value: filters.kind, options: (["MCP_SERVER", "SKILL"] as const).map((k) => ({ value: k, label: ti(`kinds.${k}`) })) },
    { name: "category", label: t("queue.category"), value: filters.category, options: integrationCategories.map((c) => ({ value: c, label: ti(`categories.${c}`) })) },
    { name: "risk", label: t("queue.risk"), value: filters.risk, options: (["destructive", "movesMoney"] as const).map((r) => ({ value: r, label: t(`queue.riskOptions.${r}`) })) },
    { name: "claim", label: t("queue.claim"), value: filters.claim, options: (["mine", "unclaimed"] as const).map((c) => ({ value: c, label: t(`queue.claimOptions.${c}`) })) },
  ];

  return (
    <div className="space-y-8">
      <PageHeader title={t("queue.title")} description={t("queue.description")} />

      <form method="get" aria-label={t("queue.filters")} className="flex flex-wrap items-end gap-3">
        {filterSelects.map((f) => (
          <div key={f.name} className="space-y-1">
            <label htmlFor={`filter-${f.name}`} className="block text-sm font-medium text-slate-800">
              {f.label}
            </label>
            <Select id={`filter-${f.name}`} name={f.name} defaultValue={f.value ?? ""} options={[any, ...f.options]} />
          </div>
        ))}
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          {t("queue.apply")}
        </button>
        <Link href="/review" className={buttonClasses({ variant: "ghost" })}>
          {t("queue.clear")}
        </Link>
      </form>

      {rows.length === 0 ? (
        <EmptyState title={t("queue.empty")} />
      ) : (
        <Table>
          <TableCaption>{t("queue.caption", { count: rows.length })}</TableCaption>
          <THead>
            <TR>
              <TH>{t("queue.columns.waiting")}</TH>
              <TH>{t("queue.columns.integration")}</TH>
              <TH>{t("queue.columns.version")}</TH>
              <TH>{t("queue.columns.risk")}</TH>
              <TH>{t("queue.columns.checks")}</TH>
              <TH>{t("queue.columns.claimedBy")}</TH>
              <TH>{t("queue.columns.actions")}</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.id} data-version-id={row.id}>
                <TD>{row.submittedAt ? <SlaBadge submittedAt={row.submittedAt} now={now} /> : null}</TD>
                <TH scope="row" className="text-left font-normal">
                  <Link href={`/review/${encodeURIComponent(row.id)}`} className="font-medium text-indigo-700 hover:underline">
                    {row.integration.name}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {row.integration.merchant.name} · {ti(`kinds.${row.integration.kind}`)} · {ti(`categories.${row.integration.category}`)}
                  </p>
                  {row.submittedAt ? <p className="text-xs text-slate-500">{t("queue.submittedAt", { at: dateTime(format, row.submittedAt) })}</p> : null}
                </TH>
                <TD>
                  v{row.number} · {row.isUpdate ? t("queue.update") : t("queue.newListing")}
                </TD>
                <TD>
                  <div className="flex flex-wrap gap-1">
                    {row.destructiveCount > 0 ? <Badge tone="danger">{t("queue.destructive", { count: row.destructiveCount })}</Badge> : null}
                    {row.movesMoneyCount > 0 ? <Badge tone="warning">{t("queue.movesMoney", { count: row.movesMoneyCount })}</Badge> : null}
                    {row.destructiveCount + row.movesMoneyCount === 0 ? <span className="text-xs text-slate-600">{t("queue.noRisk")}</span> : null}
                  </div>
                </TD>
                <TD className="text-xs">{row.latestRun ? t("queue.counts", { errors: row.latestRun.errorCount, warnings: row.latestRun.warningCount }) : "—"}</TD>
                <TD>{row.claimedById === user.id ? t("queue.you") : (row.claimedBy?.name ?? t("queue.unclaimed"))}</TD>
                <TD>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/review/${encodeURIComponent(row.id)}`}
                      aria-label={t("queue.openName", { name: row.integration.name, number: row.number })}
                      className={buttonClasses({ variant: "secondary", size: "sm" })}
                    >
                      {t("queue.open")}
                    </Link>
                    {canDecide && row.status === "SUBMITTED" ? (
                      <ReviewForm
                        action={claimAction}
                        hidden={{ versionId: row.id }}
                        submitLabel={t("queue.claim")}
                        pendingLabel={t("queue.claiming")}
                        submitName={t("queue.claimName", { name: row.integration.name, number: row.number })}
                        size="sm"
                        done={{ claimed: t("done.claimed") }}
                        inline
                      />
                    ) : null}
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}

      {suspended.length > 0 ? (
        <Card aria-labelledby="review-suspended">
          <CardHeader title={<span id="review-suspended">{t("queue.suspendedTitle")}</span>} description={t("queue.suspendedHelp")} />
          <CardBody>
            <ul className="space-y-2">
              {suspended.map((v) => (
                <li key={v.id} className="text-sm">
                  <Link href={`/review/${encodeURIComponent(v.id)}`} className="font-medium text-indigo-700 hover:underline">
                    {v.integration.name} v{v.number}
                  </Link>
                  <span className="text-slate-600">
                    {" "}
                    · {v.integration.merchant.name}
                    {v.integration.driftDetectedAt ? ` · ${t("detail.driftAt", { at: dateTime(format, v.integration.driftDetectedAt) })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
