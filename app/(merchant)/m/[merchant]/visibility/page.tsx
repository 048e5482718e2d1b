import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { requireMerchant } from "@/lib/auth/session";
import { getPolicyOverview, listRevisions } from "@/lib/data/visibility";
import { removeRuleAction } from "./actions";
import { AgentRuleForm } from "./_components/agent-rule-form";
import { IntegrationVisibilityForm } from "./_components/integration-visibility-form";
import { PathRuleForm } from "./_components/path-rule-form";
import { PolicyHistory } from "./_components/policy-history";
import { PolicySimulator } from "./_components/policy-simulator";
import { SettingsForm } from "./_components/settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("visibility"))("title") };
}

export default async function VisibilityPage({ params }: { params: Promise<{ merchant: string }> }) {
  const { merchant: slug } = await params;
  const ctx = await requireMerchant(slug, "visibility:read");
  const merchantId = ctx.merchant.id;
  const [policy, revisions, t] = await Promise.all([getPolicyOverview({ merchantId }), listRevisions({ merchantId }), getTranslations("visibility")]);
  const canManage = merchantRoleCan(ctx.role, "visibility:manage");
  const agentOptions = policy.agents.map((a) => ({ value: a.id, label: a.isTest ? t("testAgent", { name: a.name }) : a.name }));
  const agentNames = new Map(policy.agents.map((a) => [a.id, a.name]));
  const removeButton = (ruleId: string, label: string) =>
    canManage ? (
      <InlineActionForm
        action={removeRuleAction}
        hidden={{ merchant: ctx.merchant.slug, ruleId }}
        variant="danger"
        submitLabel={t("remove")}
        submitName={t("removeRule", { rule: label })}
        pendingLabel={t("removing")}
      />
    ) : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description", { merchant: ctx.merchant.name })}
        actions={<Badge tone="info">{t("version", { version: policy.version })}</Badge>}
      />
      {canManage ? null : <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("readOnly")}</p>}

      <Card aria-labelledby="visibility-settings">
        <CardHeader title={<span id="visibility-settings">{t("settings.title")}</span>} description={t("settings.description")} />
        <CardBody>
          <SettingsForm
            merchant={ctx.merchant.slug}
            screenReadingAllowed={policy.screenReadingAllowed}
            dataSharing={policy.dataSharing}
            readOnly={!canManage}
          />
        </CardBody>
      </Card>

      <Card aria-labelledby="visibility-path-rules">
        <CardHeader title={<span id="visibility-path-rules">{t("pathRules.title")}</span>} description={t("pathRules.description")} />
        <CardBody className="space-y-4">
          {policy.pathRules.length === 0 ? (
            <p className="text-sm text-slate-600">{t("pathRules.empty")}</p>
          ) : (
            <Table>
              <TableCaption className="sr-only">{t("pathRules.caption")}</TableCaption>
              <THead>
                <TR>
                  <TH>{t("pathRules.pattern")}</TH>
                  <TH>{t("pathRules.effect")}</TH>
                  {canManage ? <TH>{t("actions")}</TH> : null}
                </TR>
              </THead>
              <TBody>
                {policy.pathRules.map((rule) => (
                  <TR key={rule.id}>
                    <TD className="font-mono">{rule.pattern}</TD>
                    <TD>
                      <Badge tone={rule.effect === "DENY" ? "danger" : "success"}>{t(`effects.${rule.effect}`)}</Badge>
                    </TD>
                    {canManage ? <TD>{removeButton(rule.id, `${t(`effects.${rule.effect}`)} ${rule.pattern}`)}</TD> : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          {canManage ? <PathRuleForm merchant={ctx.merchant.slug} /> : null}
        </CardBody>
      </Card>

      <Card aria-labelledby="visibility-agent-rules">
        <CardHeader title={<span id="visibility-agent-rules">{t("agentRules.title")}</span>} description={t("agentRules.description")} />
        <CardBody className="space-y-4">
          {policy.agentRules.length === 0 ? (
            <p className="text-sm text-slate-600">{t("agentRules.empty")}</p>
          ) : (
            <Table>
              <TableCaption className="sr-only">{t("agentRules.caption")}</TableCaption>
              <THead>
                <TR>
                  <TH>{t("agentRules.agent")}</TH>
                  <TH>{t("agentRules.kind")}</TH>
                  <TH>{t("agentRules.effect")}</TH>
                  {canManage ? <TH>{t("actions")}</TH> : null}
                </TR>
              </THead>
              <TBody>
                {policy.agentRules.map((rule) => (
                  <TR key={rule.id}>
                    <TD>{rule.agentName}</TD>
                    <TD>{t(`kinds.${rule.kind}`)}</TD>
                    <TD>
                      <Badge tone={rule.effect === "DENY" ? "danger" : "success"}>{t(`effects.${rule.effect}`)}</Badge>
                    </TD>
                    {canManage ? (
                      <TD>{removeButton(rule.id, `${t(`effects.${rule.effect}`)} ${t(`kinds.${rule.kind}`)} ${rule.agentName}`)}</TD>
                    ) : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          {canManage ? <AgentRuleForm merchant={ctx.merchant.slug} agents={agentOptions} /> : null}
        </CardBody>
      </Card>

      <Card aria-labelledby="visibility-integrations">
        <CardHeader title={<span id="visibility-integrations">{t("integrations.title")}</span>} description={t("integrations.description")} />
        <CardBody className={policy.integrations.length ? "p-0" : undefined}>
          {policy.integrations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("integrations.empty")}</p>
          ) : (
            <Table>
              <TableCaption className="sr-only">{t("integrations.caption")}</TableCaption>
              <THead>
                <TR>
                  <TH>{t("integrations.name")}</TH>
                  <TH>{t("integrations.status")}</TH>
                  <TH>{t("integrations.visibility")}</TH>
                </TR>
              </THead>
              <TBody>
                {policy.integrations.map((integration) => (
                  <TR key={integration.id}>
                    <TD>
                      <span className="font-medium">{integration.name}</span>
                      <span className="ml-2 text-xs text-slate-500">{t(`integrations.kinds.${integration.kind}`)}</span>
                    </TD>
                    <TD>
                      <Badge tone={integration.live ? "success" : "neutral"}>{t(integration.live ? "integrations.live" : "integrations.notLive")}</Badge>
                    </TD>
                    <TD className="whitespace-normal">
                      {canManage ? (
                        <IntegrationVisibilityForm merchant={ctx.merchant.slug} integration={integration} agents={agentOptions} />
                      ) : (
                        <>
                          {t(`visibilities.${integration.visibility}`)}
                          {integration.visibility === "ALLOWLIST"
                            ? `: ${integration.allowedAgentIds.map((id) => agentNames.get(id) ?? id).join(", ") || "—"}`
                            : null}
                        </>
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>

      <Card aria-labelledby="visibility-simulator">
        <CardHeader title={<span id="visibility-simulator">{t("simulator.title")}</span>} description={t("simulator.description")} />
        <CardBody>
          <PolicySimulator
            merchant={ctx.merchant.slug}
            agents={policy.agents.map((a) => ({ value: a.id, label: a.isTest ? t("testAgent", { name: a.name }) : a.name }))}
            integrations={policy.integrations.map((i) => ({ value: i.id, label: i.name }))}
          />
        </CardBody>
      </Card>

      <Card aria-labelledby="visibility-history">
        <CardHeader title={<span id="visibility-history">{t("history.title")}</span>} description={t("history.description")} />
        <CardBody className={revisions.length ? "p-0" : undefined}>
          <PolicyHistory revisions={revisions} agentNames={agentNames} />
        </CardBody>
      </Card>
    </div>
  );
}
