import { getFormatter, getTranslations } from "next-intl/server";
import { DecisionList } from "@/components/review/decision-list";
import { formatDuration } from "@/components/review/format";
import { ReviewForm } from "@/components/review/review-form";
import { Textarea } from "@/components/review/textarea";
import { Thread } from "@/components/review/thread";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getMedianReviewTime, getMerchantReview, getQueuePosition, previewRollback } from "@/lib/data/review-queue";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import { pendingStatuses } from "@/lib/review/state-machine";
import { createDraftAction } from "../../actions";
import { ActionButton } from "./action-button";
import { merchantCommentAction, rollbackAction, submitVersionAction, withdrawVersionAction } from "../../review-actions";

type Props = {
  merchant: { id: string; slug: string };
  integrationId: string;
  version: { id: string; number: number; status: VersionStatus };
  latestRun: { status: string; errorCount: number; warningCount: number } | null;
  canWrite: boolean;
};

/** The review side of one version: submit, wait (queue position, median time), decisions, thread, rollback. */
export async function ReviewPanel({ merchant, integrationId, version, latestRun, canWrite }: Props) {
  const [t, tr, format] = await Promise.all([getTranslations("reviewMerchant"), getTranslations("review"), getFormatter()]);
  const pending = pendingStatuses.includes(version.status);
  const [review, position, median, rollback] = await Promise.all([
    getMerchantReview({ merchantId: merchant.id, versionId: version.id }),
    pending ? getQueuePosition({ merchantId: merchant.id, versionId: version.id }) : null,
    pending ? getMedianReviewTime() : null,
    version.status === "SUPERSEDED" ? previewRollback({ merchantId: merchant.id, versionId: version.id }) : null,
  ]);
  const hidden = { merchant: merchant.slug, integrationId, versionId: version.id };
  const done = Object.fromEntries(["submitted", "withdrawn", "rolledBack", "rollbackInReview", "commented"].map((k) => [k, t(`done.${k}`)]));
  const warnings = latestRun?.status === "SUCCEEDED" ? latestRun.warningCount : 0;

  return (
    <Card aria-labelledby="integration-review">
      <CardHeader title={<span id="integration-review">{t("title")}</span>} description={tr(`status.${version.status}`)} />
      <CardBody className="space-y-6">
        {version.status === "DRAFT" && canWrite ? (
          <section aria-labelledby="review-submit" className="space-y-3">
            <h3 id="review-submit" className="text-sm font-semibold text-slate-900">
              {t("submitTitle")}
            </h3>
            <p className="text-sm text-slate-600">{t("submitHelp")}</p>
            <p className="text-sm text-slate-700">{latestRun?.status === "SUCCEEDED" ? t("lastRun", { errors: latestRun.errorCount, warnings }) : t("noRun")}</p>
            <ReviewForm action={submitVersionAction} hidden={hidden} submitLabel={t("submit")} pendingLabel={t("submitting")} done={done}>
              <label htmlFor="submit-note" className="block text-sm font-medium text-slate-800">
                {t("note")}
              </label>
              <Textarea id="submit-note" name="note" maxLength={4000} aria-describedby="submit-note-hint" required={warnings > 0} />
              <p id="submit-note-hint" className="text-xs text-slate-500">
                {warnings > 0 ? t("noteHelpWarnings", { count: warnings }) : t("noteHelp")}
              </p>
            </ReviewForm>
          </section>
        ) : null}

        {pending ? (
          <section aria-labelledby="review-pending" className="space-y-2">
            <h3 id="review-pending" className="text-sm font-semibold text-slate-900">
              {t("pendingTitle")}
            </h3>
            {position ? <p className="text-sm text-slate-700" data-testid="queue-position">{t("queuePosition", position)}</p> : null}
            {version.status === "IN_REVIEW" ? <p className="text-sm text-slate-700">{t("inReview")}</p> : null}
            <p className="text-sm text-slate-700">
              {median?.medianMs != null ? t("median", { duration: formatDuration(format, median.medianMs), count: median.decisions }) : t("medianNone")}
            </p>
            {canWrite ? (
              <ReviewForm action={withdrawVersionAction} hidden={hidden} submitLabel={t("withdraw")} pendingLabel={t("withdrawing")} variant="secondary" size="sm" done={done} inline />
            ) : null}
          </section>
        ) : null}

        {review.reviews.length > 0 ? (
          <section aria-labelledby="review-decisions" className="space-y-3">
            <h3 id="review-decisions" className="text-sm font-semibold text-slate-900">
              {t("decisionsTitle")}
            </h3>
            <DecisionList decisions={review.reviews} emptyText="" />
            {version.status === "CHANGES_REQUESTED" && canWrite ? (
              <div className="space-y-2">
                <p className="text-sm text-slate-700">{t("changesHelp")}</p>
                <ActionButton action={createDraftAction} hidden={hidden} label={t("newDraft")} pendingLabel={t("creatingDraft")} />
              </div>
            ) : null}
          </section>
        ) : null}

        {rollback && canWrite ? (
          <section aria-labelledby="review-rollback" className="space-y-3">
            <h3 id="review-rollback" className="text-sm font-semibold text-slate-900">
              {t("rollbackTitle")}
            </h3>
            <p className="text-sm text-slate-700" data-testid="rollback-mode" data-immediate={rollback.immediate ? "true" : "false"}>
              {rollback.live.status !== "LIVE"
                ? t("rollbackSuspended")
                : rollback.immediate
                  ? t("rollbackImmediate", { live: rollback.live.number })
                  : t("rollbackReview", { live: rollback.live.number, reasons: rollback.risk.reasons.map((r) => tr(`flags.${r}`)).join(tr("listSeparator")) })}
            </p>
            <ReviewForm action={rollbackAction} hidden={hidden} submitLabel={t("rollback", { number: version.number })} pendingLabel={t("rollingBack")} variant="secondary" done={done}>
              {!rollback.immediate ? (
                <>
                  <label htmlFor="rollback-note" className="block text-sm font-medium text-slate-800">
                    {t("rollbackNote")}
                  </label>
                  <Textarea id="rollback-note" name="note" maxLength={4000} />
                </>
              ) : null}
            </ReviewForm>
          </section>
        ) : null}

        {version.status !== "DRAFT" ? (
          <section aria-labelledby="review-thread" className="space-y-3">
            <h3 id="review-thread" className="text-sm font-semibold text-slate-900">
              {t("threadTitle")}
            </h3>
            <Thread comments={review.comments} action={merchantCommentAction} hidden={hidden} canWrite={canWrite} />
          </section>
        ) : null}
      </CardBody>
    </Card>
  );
}
