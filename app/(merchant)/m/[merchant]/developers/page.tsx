import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { requireMerchant } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/data/webhooks";
import { merchantHref } from "@/lib/navigation";
import { deleteWebhookEndpointAction, sendWebhookTestEventAction, setWebhookEndpointEnabledAction } from "./actions";
import { CreateEndpointForm } from "./_components/create-endpoint-form";
import { RotateSecretForm } from "./_components/rotate-secret-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("developers"))("title") };
}

export default async function DevelopersPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const ctx = await requireMerchant(slug, "apiKeys:manage");
  const [t, tw] = await Promise.all([getTranslations("developers"), getTranslations("webhooks")]);
  const canManageWebhooks = merchantRoleCan(ctx.role, "webhooks:manage");

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      {canManageWebhooks ? (
        <WebhookSection merchantId={ctx.merchant.id} slug={ctx.merchant.slug} />
      ) : (
        <Card aria-labelledby="webhooks-title">
          <CardHeader title={<span id="webhooks-title">{tw("title")}</span>} description={tw("ownersOnly")} />
        </Card>
      )}
      <Card aria-labelledby="standard-title">
        <CardHeader title={<span id="standard-title">{tw("verify.title")}</span>} description={tw("verify.description")} />
        <CardBody>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100">
            <code>{`import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.SKILLGATE_WEBHOOK_SECRET); // whsec_…
// body: the raw request body; headers: webhook-id, webhook-timestamp, webhook-signature
const event = wh.verify(body, headers); // throws when the signature is wrong`}</code>
          </pre>
        </CardBody>
      </Card>
    </div>
  );
}

async function WebhookSection({ merchantId, slug }: { merchantId: string; slug: string }) {
  const [endpoints, t, format] = await Promise.all([listWebhookEndpoints({ merchantId }), getTranslations("webhooks"), getFormatter()]);
  const base = merchantHref(slug, "developers");
  return (
    <>
      <Card aria-labelledby="webhooks-title">
        <CardHeader title={<span id="webhooks-title">{t("title")}</span>} description={t("description")} />
        <CardBody className="p-0">
          {endpoints.length === 0 ? (
            <div className="p-5">
              <EmptyState title={t("emptyTitle")} description={t("empty")} />
            </div>
          ) : (
            <Table>
              <TableCaption className="sr-only">{t("caption")}</TableCaption>
              <THead>
                <TR>
                  <TH>{t("list.url")}</TH>
                  <TH>{t("list.events")}</TH>
                  <TH>{t("list.status")}</TH>
                  <TH>{t("list.actions")}</TH>
                </TR>
              </THead>
              <TBody>
                {endpoints.map((endpoint) => {
                  const hidden = { merchant: slug, endpointId: endpoint.id };
                  const enabled = endpoint.status === "ENABLED";
                  return (
                    <TR key={endpoint.id}>
                      <TH scope="row" className="max-w-xs align-top font-normal">
                        <Link href={`${base}/webhooks/${endpoint.id}`} className="break-all font-mono text-sm text-indigo-700 underline-offset-2 hover:underline">
                          {endpoint.url}
                        </Link>
                        {endpoint.description ? <p className="mt-1 text-xs text-slate-500">{endpoint.description}</p> : null}
                        <p className="mt-1 text-xs text-slate-500">{t("list.created", { date: format.dateTime(endpoint.createdAt, { dateStyle: "medium" }) })}</p>
                      </TH>
                      <TD className="align-top">
                        <ul className="space-y-0.5 text-xs">
                          {endpoint.events.map((event) => (
                            <li key={event}>
                              <code>{event}</code>
                            </li>
                          ))}
                        </ul>
                      </TD>
                      <TD className="align-top">
                        <Badge tone={enabled ? "success" : "danger"}>{t(`status.${endpoint.status}`)}</Badge>
                        {endpoint.consecutiveFailures > 0 ? <p className="mt-1 text-xs text-amber-800">{t("list.failures", { count: endpoint.consecutiveFailures })}</p> : null}
                        {!enabled && endpoint.disabledAt ? (
                          <p className="mt-1 text-xs text-slate-500">{t("list.disabledAt", { date: format.dateTime(endpoint.disabledAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                        ) : null}
                        {endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date() ? (
                          <p className="mt-1 text-xs text-slate-500">
                            {t("list.rotating", { date: format.dateTime(endpoint.previousSecretExpiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
                          </p>
                        ) : null}
                      </TD>
                      <TD className="space-y-2 align-top">
                        <div className="flex flex-wrap gap-2">
                          <Link href={`${base}/webhooks/${endpoint.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
                            {t("list.log")}
                          </Link>
                        </div>
                        {enabled ? (
                          <InlineActionForm action={sendWebhookTestEventAction} hidden={hidden} submitLabel={t("sendTest")} pendingLabel={t("sending")} submitName={t("sendTestFor", { url: endpoint.url })} />
                        ) : null}
                        <InlineActionForm
                          action={setWebhookEndpointEnabledAction}
                          hidden={{ ...hidden, enabled: enabled ? "false" : "true" }}
                          submitLabel={enabled ? t("disable") : t("enable")}
                          pendingLabel={t("saving")}
                          submitName={enabled ? t("disableFor", { url: endpoint.url }) : t("enableFor", { url: endpoint.url })}
                        />
                        <RotateSecretForm merchant={slug} endpointId={endpoint.id} url={endpoint.url} />
                        <InlineActionForm
                          action={deleteWebhookEndpointAction}
                          hidden={hidden}
                          submitLabel={t("delete")}
                          pendingLabel={t("deleting")}
                          submitName={t("deleteFor", { url: endpoint.url })}
                          variant="danger"
                        />
                      </TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
      <Card aria-labelledby="webhook-new">
        <CardHeader title={<span id="webhook-new">{t("form.title")}</span>} description={t("form.description_hint")} />
        <CardBody>
          <CreateEndpointForm merchant={slug} />
        </CardBody>
      </Card>
    </>
  );
}
