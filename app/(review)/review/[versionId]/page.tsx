import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CheckReport } from "@/app/(merchant)/m/[merchant]/integrations/[id]/_components/check-report";
import { OperationsList } from "@/app/(merchant)/m/[merchant]/integrations/[id]/_components/operations-list";
import { VersionStatusBadge } from "@/app/(merchant)/m/[merchant]/integrations/_components/status-badge";
import { Activity } from "@/components/review/activity";
import { DecisionList } from "@/components/review/decision-list";
import { dateTime } from "@/components/review/format";
import { ReviewForm } from "@/components/review/review-form";
import { Textarea } from "@/components/review/textarea";
import { Thread } from "@/components/review/thread";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { platformRoleCan } from "@/lib/auth/permissions";
import { requirePlatform } from "@/lib/auth/session";
import { getReviewDetail, getVersionActivity } from "@/lib/data/review-queue";
import { diffVersions } from "@/lib/review/diff";
import { claimAction, reinstateAction, releaseAction, reviewerCommentAction, suspendAction } from "../actions";
import { DecideForm } from "../_components/decide-form";
import { DiffView } from "../_components/diff-view";
import { SlaBadge } from "../_components/sla-badge";

type Props = { params: Promise<{ versionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("queue.title") };
}

export default async function ReviewVersionPage({ params }: Props) {
  const { versionId } = await params;
  const user = await requirePlatform("review:read");
  const detail = await getReviewDetail({ versionId });
  if (!detail) notFound();
  const [t, ti, format, activity] = await Promise.all([
    getTranslations("review"),
    getTranslations("integrations"),
    getFormatter(),
    getVersionActivity({ versionId: detail.version.id, merchantId: detail.version.merchantId }),
  ]);
  const { version, live, run } = detail;
  const integration = version.integration;
  const canDecide = platformRoleCan(user.platformRole, "review:decide");
  const canSuspend = platformRoleCan(user.platformRole, "admin:suspend") && version.status === "LIVE";
  const mine = version.claimedById === user.id;
  const hidden = { versionId: version.id };
  const diff = diffVersions(live && live.definition, version.definition);
  const done = { claimed: t("done.claimed"), released: t("done.released"), reinstated: t("done.reinstated"), suspended: t("done.suspended") };
  const now = new Date();

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("detail.title", { name: integration.name, number: version.number })}
        description={t("detail.meta", { merchant: integration.merchant.name, kind: ti(`kinds.${integration.kind}`), category: ti(`categories.${integration.category}`) })}
        actions={
          <Link href="/review" className={buttonClasses({ variant: "secondary" })}>
            {t("detail.back")}
          </Link>
        }
      />

      <Card aria-labelledby="review-summary">
        <CardHeader
          title={
            <span id="review-summary" className="flex items-center gap-2">
              {t("detail.status")} <VersionStatusBadge status={version.status} />
            </span>
          }
          actions={
            canDecide ? (
              version.status === "SUBMITTED" ? (
                <ReviewForm action={claimAction} hidden={hidden} submitLabel={t("detail.claim")} pendingLabel={t("detail.claiming")} done={done} inline />
              ) : version.status === "IN_REVIEW" && mine ? (
                <ReviewForm action={releaseAction} hidden={hidden} submitLabel={t("detail.release")} pendingLabel={t("detail.releasing")} variant="secondary" done={done} inline />
              ) : null
            ) : null
          }
        />
        <CardBody className="space-y-4">
          <dl className="grid gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">{t("detail.submittedAt")}</dt>
              <dd>{version.submittedAt ? dateTime(format, version.submittedAt) : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.waiting")}</dt>
              <dd>{version.submittedAt && !version.decidedAt ? <SlaBadge submittedAt={version.submittedAt} now={now} /> : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.claimedBy")}</dt>
              <dd>{mine ? t("queue.you") : (detail.claimedBy?.name ?? t("queue.unclaimed"))}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.hash")}</dt>
              <dd className="font-mono text-xs break-all">{version.toolListHash ?? "—"}</dd>
            </div>
          </dl>
          {version.status === "IN_REVIEW" && !mine ? <p className="text-sm text-amber-800">{t("detail.claimedByOther", { name: detail.claimedBy?.name ?? "?" })}</p> : null}
          <section aria-labelledby="review-note" className="space-y-1">
            <h2 id="review-note" className="text-sm font-semibold text-slate-900">
              {t("detail.noteTitle")}
            </h2>
            {version.submittedNote ? (
              <blockquote className="rounded-md border-l-4 border-indigo-300 bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-900" data-testid="merchant-note">
                {version.submittedNote}
              </blockquote>
            ) : (
              <p className="text-sm text-slate-600">{t("detail.noNote")}</p>
            )}
          </section>
        </CardBody>
      </Card>

      <Card aria-labelledby="review-diff">
        <CardHeader title={<span id="review-diff">{t("detail.diffTitle")}</span>} />
        <CardBody>
          <DiffView diff={diff} live={live && { number: live.number, status: live.status }} />
        </CardBody>
      </Card>

      <Card aria-labelledby="review-report">
        <CardHeader
          title={<span id="review-report">{t("detail.reportTitle")}</span>}
          description={run?.status === "SUCCEEDED" ? t("detail.reportSummary", { errors: run.errorCount, warnings: run.warningCount, infos: run.infoCount }) : undefined}
        />
        <CardBody>{run ? <CheckReport results={run.results} /> : <p className="text-sm text-slate-600">{t("detail.noReport")}</p>}</CardBody>
      </Card>

      <Card aria-labelledby="review-operations">
        <CardHeader title={<span id="review-operations">{t("detail.operationsTitle", { count: version.operations.length })}</span>} />
        <CardBody>
          <OperationsList operations={version.operations} showEndpoint={integration.kind === "SKILL"} />
        </CardBody>
      </Card>

      <Card aria-labelledby="review-thread">
        <CardHeader title={<span id="review-thread">{t("thread.title")}</span>} />
        <CardBody>
          <Thread comments={detail.comments} action={reviewerCommentAction} hidden={hidden} canWrite={canDecide && version.status !== "DRAFT"} />
        </CardBody>
      </Card>

      <Card aria-labelledby="review-decide">
        <CardHeader title={<span id="review-decide">{t("detail.decideTitle")}</span>} />
        <CardBody className="space-y-6">
          <DecisionList decisions={detail.reviews} emptyText={t("detail.noDecisions")} />
          {canDecide && version.status === "IN_REVIEW" && mine ? <DecideForm versionId={version.id} /> : null}
          {canDecide && version.status === "SUBMITTED" ? <p className="text-sm text-slate-700">{t("detail.claimFirst")}</p> : null}
          {canDecide && version.status === "SUSPENDED" ? (
            <section aria-labelledby="review-reinstate" className="space-y-2">
              <h3 id="review-reinstate" className="text-sm font-semibold text-slate-900">
                {t("detail.reinstateTitle")}
              </h3>
              <p className="text-sm text-slate-700">{t("detail.reinstateHelp")}</p>
              <ReviewForm action={reinstateAction} hidden={hidden} submitLabel={t("detail.reinstate")} pendingLabel={t("detail.reinstating")} done={done}>
                <label htmlFor="reinstate-message" className="block text-sm font-medium text-slate-800">
                  {t("detail.message")}
                </label>
                <Textarea id="reinstate-message" name="message" maxLength={4000} />
              </ReviewForm>
            </section>
          ) : null}
          {canSuspend ? (
            <section aria-labelledby="review-suspend" className="space-y-2">
              <h3 id="review-suspend" className="text-sm font-semibold text-slate-900">
                {t("detail.suspendTitle")}
              </h3>
              <p className="text-sm text-slate-700">{t("detail.suspendHelp")}</p>
              <ReviewForm action={suspendAction} hidden={hidden} submitLabel={t("detail.suspend")} pendingLabel={t("detail.suspending")} variant="danger" done={done}>
                <label htmlFor="suspend-reason" className="block text-sm font-medium text-slate-800">
                  {t("detail.suspendReason")}
                </label>
                <Textarea id="suspend-reason" name="reason" required maxLength={1000} />
              </ReviewForm>
            </section>
          ) : null}
        </CardBody>
      </Card>

      <Card aria-labelledby="review-activity">
        <CardHeader title={<span id="review-activity">{t("activity.title")}</span>} />
        <CardBody>
          <Activity events={activity} />
        </CardBody>
      </Card>
    </div>
  );
}
