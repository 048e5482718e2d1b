import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireMerchant } from "@/lib/auth/session";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/data/webhooks";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { merchantHref } from "@/lib/navigation";
import { redeliverWebhookAction, sendWebhookTestEventAction } from "../../actions";
import { recordIdPattern } from "@/lib/validation/record-id";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks.log"))("title") };
}

const tone: Record<DeliveryStatus, BadgeTone> = { PENDING: "info", SUCCEEDED: "success", FAILED: "danger" };

/** Keyset cursor in the URL: `<ISO time>~<id>` of the last row of the previous page. */
function parseCursor(raw: string | string[] | undefined): { createdAt: Date; id: string } | undefined {
  const [time, id] = ((Array.isArray(raw) ? raw[0] : raw) ?? "").split("~");
  const createdAt = new Date(time ?? "");
  return id && recordIdPattern.test(id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
}

export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ merchant: string; endpointId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const [{ merchant: slug, endpointId }, { before }] = await Promise.all([params, searchParams]);
  const ctx = await requireMerchant(slug, "webhooks:manage");
  const endpoint = await getWebhookEndpoint({ merchantId: ctx.merchant.id, endpointId });
  if (!endpoint) notFound();
  const cursor = parseCursor(before);
  const [{ deliveries, next }, t, format] = await Promise.all([
    listWebhookDeliveries({ merchantId: ctx.merchant.id, endpointId, before: cursor }),
    getTranslations("webhooks"),
    getFormatter(),
  ]);
  const base = merchantHref(ctx.merchant.slug, "developers");
  const here = `${base}/webhooks/${endpoint.id}`;
  const enabled = endpoint.status === "ENABLED";
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "medium" });

  return (
    <div className="space-y-6">
      <p>
        <Link href={base} className="text-sm text-indigo-700 hover:underline">
          ← {t("log.back")}
        </Link>
      </p>
      <PageHeader
        title={t("log.title")}
        description={<span className="break-all font-mono">{endpoint.url}</span>}
        actions={
          enabled ? (
            <InlineActionForm action={sendWebhookTestEventAction} hidden={{ merchant: ctx.merchant.slug, endpointId: endpoint.id }} submitLabel={t("sendTest")} pendingLabel={t("sending")} variant="primary" />
          ) : (
            <Badge tone="danger">{t("status.DISABLED")}</Badge>
          )
        }
      />
      {deliveries.length === 0 ? (
        <EmptyState title={t("log.emptyTitle")} description={t("log.empty")} />
      ) : (
        <Table>
          <TableCaption>{t("log.caption")}</TableCaption>
          <THead>
            <TR>
              <TH>{t("log.time")}</TH>
              <TH>{t("log.event")}</TH>
              <TH>{t("log.status")}</TH>
              <TH className="text-right">{t("log.attempts")}</TH>
              <TH className="text-right">{t("log.response")}</TH>
              <TH className="text-right">{t("log.duration")}</TH>
              <TH>{t("log.error")}</TH>
              <TH>{t("list.actions")}</TH>
            </TR>
          </THead>
          <TBody>
            {deliveries.map((d) => (
              <TR key={d.id} data-testid="delivery-row">
                <TH scope="row" className="whitespace-nowrap font-normal">
                  {when(d.createdAt)}
                  <code className="block text-xs text-slate-500">{d.messageId}</code>
                </TH>
                <TD>
                  <code className="text-xs">{d.eventType}</code>
                </TD>
                <TD>
                  <Badge tone={tone[d.status]}>{t(`deliveryStatus.${d.status}`)}</Badge>
                  {d.status === "PENDING" && d.nextAttemptAt ? <p className="mt-1 text-xs text-slate-500">{t("log.nextAttempt", { date: when(d.nextAttemptAt) })}</p> : null}
                </TD>
                <TD className="text-right tabular-nums">{d.attempts}</TD>
                <TD className="text-right tabular-nums">{d.lastStatusCode ?? "—"}</TD>
                <TD className="text-right tabular-nums">{d.lastDurationMs === null ? "—" : t("log.ms", { ms: d.lastDurationMs })}</TD>
                <TD className="max-w-xs break-words text-xs text-red-700">{d.lastError && t.has(`log.errors.${d.lastError}`) ? t(`log.errors.${d.lastError}`) : (d.lastError ?? "")}</TD>
                <TD>
                  {d.status !== "PENDING" && enabled ? (
                    <InlineActionForm
                      action={redeliverWebhookAction}
                      hidden={{ merchant: ctx.merchant.slug, deliveryId: d.id }}
                      submitLabel={t("redeliver")}
                      pendingLabel={t("sending")}
                      submitName={t("redeliverFor", { id: d.messageId })}
                    />
                  ) : null}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label={t("log.pages")} className="flex gap-2">
        {cursor ? (
          <Link href={here} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("log.newest")}
          </Link>
        ) : null}
        {next ? (
          <Link href={`${here}?before=${encodeURIComponent(`${next.createdAt.toISOString()}~${next.id}`)}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("log.older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
