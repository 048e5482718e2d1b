import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/forms/inline-action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getLatestDrift, loadDriftTarget } from "@/lib/data/drift";
import { recheckDriftAction } from "../drift-actions";

/** Drift state of a live MCP integration: the last finding, and a re-check button for writers. */
export async function DriftPanel({ merchantId, slug, integrationId, canRecheck }: { merchantId: string; slug: string; integrationId: string; canRecheck: boolean }) {
  const target = await loadDriftTarget({ integrationId, merchantId });
  if (!target || target.kind !== "MCP_SERVER" || !target.liveVersion) return null;
  const [finding, t, format] = await Promise.all([
    target.driftDetectedAt ? getLatestDrift({ merchantId, integrationId }) : null,
    getTranslations("drift"),
    getFormatter(),
  ]);
  const riskOf = new Map((finding?.risky ?? []).map((r) => [r.name, r]));
  const groups = finding
    ? ([
        ["added", finding.added],
        ["changed", finding.changed],
        ["removed", finding.removed],
      ] as const)
    : [];

  return (
    <Card aria-labelledby="integration-drift">
      <CardHeader
        title={<span id="integration-drift">{t("title")}</span>}
        description={t("description")}
        actions={
          canRecheck && target.liveVersion.status === "LIVE" ? (
            <InlineActionForm action={recheckDriftAction} hidden={{ merchant: slug, integrationId }} submitLabel={t("recheck")} pendingLabel={t("rechecking")} />
          ) : null
        }
      />
      <CardBody className="space-y-3">
        {target.driftDetectedAt ? (
          <p className="text-sm text-amber-800">
            <Badge tone="warning">{t("title")}</Badge> {t("flagged", { date: format.dateTime(target.driftDetectedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
        ) : (
          <p className="text-sm text-slate-600">{t("none")}</p>
        )}
        {groups.some(([, names]) => names.length > 0) ? (
          <dl className="grid gap-3 sm:grid-cols-3">
            {groups.map(([label, names]) =>
              names.length > 0 ? (
                <div key={label}>
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(label)}</dt>
                  <dd>
                    <ul className="mt-1 space-y-1 text-sm">
                      {names.map((name) => {
                        const risk = label === "removed" ? undefined : riskOf.get(name);
                        return (
                          <li key={name} className="flex flex-wrap items-center gap-1">
                            <code>{name}</code>
                            {risk?.destructive ? <Badge tone="danger">{t("destructive")}</Badge> : null}
                            {risk?.movesMoney ? <Badge tone="danger">{t("movesMoney")}</Badge> : null}
                          </li>
                        );
                      })}
                    </ul>
                  </dd>
                </div>
              ) : null,
            )}
          </dl>
        ) : null}
        {finding?.suspend ? <p className="text-sm text-red-700">{t("suspendedNote")}</p> : null}
      </CardBody>
    </Card>
  );
}
