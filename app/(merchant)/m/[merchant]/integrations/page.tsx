import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { requireMerchant } from "@/lib/auth/session";
import { listIntegrations } from "@/lib/data/integrations";
import { merchantHref } from "@/lib/navigation";
import { integrationCategories } from "@/lib/validation/integrations";
import { CreateIntegrationForm } from "./_components/create-integration-form";
import { ImportMcpForm, ImportWechatForm } from "./_components/import-forms";
import { RunStatusBadge, VersionStatusBadge } from "./_components/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrations"))("title") };
}

export default async function IntegrationsPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const ctx = await requireMerchant(slug, "integrations:read");
  const [integrations, t, format] = await Promise.all([listIntegrations({ merchantId: ctx.merchant.id }), getTranslations("integrations"), getFormatter()]);
  const canWrite = merchantRoleCan(ctx.role, "integrations:write");
  const categories = integrationCategories.map((value) => ({ value, label: t(`categories.${value}`) }));
  const base = merchantHref(ctx.merchant.slug, "integrations");

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("description")} />

      <Card aria-labelledby="integrations-list">
        <CardHeader title={<span id="integrations-list">{t("list.title")}</span>} />
        <CardBody className={integrations.length ? "p-0" : undefined}>
          {integrations.length === 0 ? (
            <EmptyState title={t("list.empty")} description={t("list.emptyHint")} />
          ) : (
            <Table>
              <TableCaption className="sr-only">{t("list.caption")}</TableCaption>
              <THead>
                <TR>
                  <TH>{t("list.name")}</TH>
                  <TH>{t("list.kind")}</TH>
                  <TH>{t("list.latest")}</TH>
                  <TH>{t("list.live")}</TH>
                  <TH>{t("list.validation")}</TH>
                  <TH>{t("list.updated")}</TH>
                </TR>
              </THead>
              <TBody>
                {integrations.map((i) => (
                  <TR key={i.id}>
                    <TD>
                      <Link href={`${base}/${i.id}`} className="font-medium text-indigo-700 hover:underline">
                        {i.name}
                      </Link>
                    </TD>
                    <TD>{t(`kinds.${i.kind}`)}</TD>
                    <TD>
                      {i.latestVersion ? (
                        <span className="flex items-center gap-2">
                          v{i.latestVersion.number} <VersionStatusBadge status={i.latestVersion.status} />
                        </span>
                      ) : (
                        "—"
                      )}
                    </TD>
                    <TD>{i.liveVersion ? `v${i.liveVersion.number}` : t("list.notLive")}</TD>
                    <TD>
                      {i.latestRun ? (
                        <span className="flex items-center gap-2">
                          <RunStatusBadge status={i.latestRun.status} />
                          {i.latestRun.status === "SUCCEEDED" ? t("list.counts", { errors: i.latestRun.errorCount, warnings: i.latestRun.warningCount }) : null}
                        </span>
                      ) : (
                        t("list.notValidated")
                      )}
                    </TD>
                    <TD>{format.dateTime(i.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>

      {canWrite ? (
        <div className="grid gap-8 lg:grid-cols-2">
          <Card aria-labelledby="integrations-create" className="lg:col-span-2">
            <CardHeader title={<span id="integrations-create">{t("create.title")}</span>} description={t("create.help")} />
            <CardBody>
              <CreateIntegrationForm merchant={ctx.merchant.slug} categories={categories} defaultCategory={ctx.merchant.category} />
            </CardBody>
          </Card>
          <Card aria-labelledby="integrations-import-wechat">
            <CardHeader title={<span id="integrations-import-wechat">{t("importWechat.title")}</span>} description={t("importWechat.help")} />
            <CardBody>
              <ImportWechatForm merchant={ctx.merchant.slug} />
            </CardBody>
          </Card>
          <Card aria-labelledby="integrations-import-mcp">
            <CardHeader title={<span id="integrations-import-mcp">{t("importMcp.title")}</span>} description={t("importMcp.help")} />
            <CardBody>
              <ImportMcpForm merchant={ctx.merchant.slug} categories={categories} defaultCategory={ctx.merchant.category} />
            </CardBody>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
