import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePlatform } from "@/lib/auth/session";
import { listAgents } from "@/lib/data/agents";
import { formatDate } from "@/lib/format";
import { isLocale, defaultLocale } from "@/lib/i18n/config";

export default async function AgentsPage() {
  await requirePlatform("admin:agents");
  const [agents, t, nav, rawLocale] = await Promise.all([listAgents(), getTranslations("adminAgents"), getTranslations("nav"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;

  return (
    <>
      <PageHeader title={nav("agents")} description={t("description")} />
      {agents.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyDescription")} />
      ) : (
        <Table>
          <TableCaption className="sr-only">{t("caption")}</TableCaption>
          <THead>
            <tr>
              <TH>{t("columns.name")}</TH>
              <TH>{t("columns.slug")}</TH>
              <TH>{t("columns.vendor")}</TH>
              <TH>{t("columns.verified")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH>{t("columns.added")}</TH>
            </tr>
          </THead>
          <TBody>
            {agents.map((agent) => (
              <TR key={agent.id}>
                <TH scope="row">
                  {agent.name}
                  {agent.isTest ? (
                    <span className="ml-2">
                      <Badge>{t("test")}</Badge>
                    </span>
                  ) : null}
                </TH>
                <TD className="font-mono text-xs text-slate-600">{agent.slug}</TD>
                <TD>{agent.vendor}</TD>
                <TD>
                  <Badge tone={agent.verified ? "success" : "neutral"}>{agent.verified ? t("verified") : t("unverified")}</Badge>
                </TD>
                <TD>
                  <Badge tone={agent.status === "ACTIVE" ? "info" : "warning"}>{t(`status.${agent.status}`)}</Badge>
                </TD>
                <TD>
                  <time dateTime={agent.createdAt.toISOString()}>{formatDate(agent.createdAt, locale)}</time>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
