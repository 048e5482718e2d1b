import { getLocale, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { addDays, isShanghaiMidnight, shanghaiDateOf } from "@/lib/attribution/shanghai-time";
import { listAgents } from "@/lib/data/agents";
import { listRevenueRules, type RevenueRuleItem } from "@/lib/data/revenue-rules";
import { formatDate, formatDateTime, formatFen, formatPercentBps } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import type { RuleState } from "@/lib/revenue/rules";
import { addPeriods, periodOf } from "@/lib/revenue/period";
import type { cancelRevenueRuleAction, previewRevenueRuleAction, scheduleRevenueRuleAction } from "../actions";
import { RuleForm } from "./rule-form";

const stateTone: Record<RuleState, BadgeTone> = { current: "success", scheduled: "info", past: "neutral", cancelled: "warning" };

type Actions = {
  cancelAction: typeof cancelRevenueRuleAction;
  previewAction: typeof previewRevenueRuleAction;
  scheduleAction: typeof scheduleRevenueRuleAction;
};

/** The rules of one merchant: in effect, scheduled (cancellable), the change form with its preview, history. */
export async function RulesView({ merchant, canManage, actions }: { merchant: { id: string; slug: string }; canManage: boolean; actions: Actions }) {
  const now = new Date();
  const [rules, agents, t, locale] = await Promise.all([listRevenueRules({ merchantId: merchant.id, now }), listAgents(), getTranslations("revenue"), getLocale() as Promise<AppLocale>]);
  const today = shanghaiDateOf(now);
  const lastMonth = addPeriods(periodOf(now), -1);
  const previewTo = addDays(`${periodOf(now)}-01`, -1);

  const when = (d: Date) => (isShanghaiMidnight(d) ? formatDate(d, locale) : formatDateTime(d, locale));
  const scope = (r: RevenueRuleItem) => (r.agentName ? r.agentName : t("rules.allAgents"));
  const current = rules.filter((r) => r.state === "current");
  const scheduled = rules.filter((r) => r.state === "scheduled");
  const history = rules.filter((r) => r.state === "past" || r.state === "cancelled");
  const organicCharged = current.some((r) => r.channel === "ORGANIC");

  const ruleTable = (items: RevenueRuleItem[], caption: string, { cancel = false, testId }: { cancel?: boolean; testId: string }) => (
    <Table data-testid={testId}>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <THead>
        <TR>
          <TH>{t("rules.channel")}</TH>
          <TH>{t("rules.agent")}</TH>
          <TH className="text-right">{t("rules.rate")}</TH>
          <TH className="text-right">{t("rules.fixedFee")}</TH>
          <TH>{t("rules.effectiveFrom")}</TH>
          <TH>{t("rules.state")}</TH>
          <TH>{t("rules.createdBy")}</TH>
          {cancel && canManage ? <TH>{t("rules.actions")}</TH> : null}
        </TR>
      </THead>
      <TBody>
        {items.map((r) => (
          <TR key={r.id}>
            <TH scope="row">{t(`channels.${r.channel}`)}</TH>
            <TD>{scope(r)}</TD>
            <TD className="text-right tabular-nums">{formatPercentBps(r.rateBps)}</TD>
            <TD className="text-right tabular-nums">{formatFen(r.fixedFeeFen, locale)}</TD>
            <TD>
              {when(r.effectiveFrom)}
              {r.cancelledAt ? <span className="block text-xs text-slate-500">{t("rules.cancelledOn", { date: when(r.cancelledAt) })}</span> : null}
            </TD>
            <TD>
              <Badge tone={stateTone[r.state]}>{t(`states.${r.state}`)}</Badge>
            </TD>
            <TD className="text-xs text-slate-600">{r.createdBy ?? "—"}</TD>
            {cancel && canManage ? (
              <TD>
                {r.cancellable ? (
                  <InlineActionForm
                    action={actions.cancelAction}
                    hidden={{ merchant: merchant.slug, ruleId: r.id }}
                    variant="danger"
                    submitLabel={t("rules.cancel")}
                    submitName={t("rules.cancelNamed", { channel: t(`channels.${r.channel}`), date: when(r.effectiveFrom) })}
                    pendingLabel={t("rules.cancelling")}
                  />
                ) : null}
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );

  return (
    <div className="space-y-8">
      {canManage ? null : <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("readOnly")}</p>}

      <Card aria-labelledby="rules-current">
        <CardHeader title={<span id="rules-current">{t("rules.currentTitle")}</span>} description={t("rules.currentDescription")} />
        <CardBody className="space-y-3">
          {current.length === 0 ? <p className="text-sm text-slate-600">{t("rules.none")}</p> : ruleTable(current, t("rules.currentTitle"), { testId: "rules-current" })}
          {organicCharged ? null : <p className="text-sm text-slate-600">{t("rules.organicFree")}</p>}
        </CardBody>
      </Card>

      <Card aria-labelledby="rules-scheduled">
        <CardHeader title={<span id="rules-scheduled">{t("rules.scheduledTitle")}</span>} description={t("rules.scheduledDescription")} />
        <CardBody>
          {scheduled.length === 0 ? <p className="text-sm text-slate-600">{t("rules.noneScheduled")}</p> : ruleTable(scheduled, t("rules.scheduledTitle"), { cancel: true, testId: "rules-scheduled" })}
        </CardBody>
      </Card>

      {canManage ? (
        <Card aria-labelledby="rules-new">
          <CardHeader title={<span id="rules-new">{t("form.title")}</span>} description={t("form.description")} />
          <CardBody>
            <RuleForm
              merchant={merchant.slug}
              previewAction={actions.previewAction}
              scheduleAction={actions.scheduleAction}
              agents={agents.filter((a) => a.status === "ACTIVE").map((a) => ({ id: a.id, name: a.name }))}
              today={today}
              previewFrom={`${lastMonth}-01`}
              previewTo={previewTo}
            />
          </CardBody>
        </Card>
      ) : null}

      <Card aria-labelledby="rules-how">
        <CardHeader title={<span id="rules-how">{t("how.title")}</span>} />
        <CardBody>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>{t("how.fee")}</li>
            <li>{t("how.rounding")}</li>
            <li>{t("how.cap")}</li>
            <li>{t("how.versions")}</li>
            <li>{t("how.today")}</li>
          </ul>
        </CardBody>
      </Card>

      {history.length ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">{t("rules.historyTitle", { count: history.length })}</summary>
          <div className="mt-4">{ruleTable(history, t("rules.historyTitle", { count: history.length }), { testId: "rules-history" })}</div>
        </details>
      ) : null}
    </div>
  );
}
