import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { merchantRoleCan } from "@/lib/auth/permissions";
import { requireMerchant } from "@/lib/auth/session";
import { getCheckRun, listCheckRuns } from "@/lib/data/check-runs";
import { getIntegration, getVersion, type VersionDetail } from "@/lib/data/integrations";
import { exportFormats } from "@/lib/integrations/formats";
import { merchantHref } from "@/lib/navigation";
import { createDraftAction, runValidationAction } from "../actions";
import { RunStatusBadge, VersionStatusBadge } from "../_components/status-badge";
import { ActionButton } from "./_components/action-button";
import { CheckReport } from "./_components/check-report";
import { DriftPanel } from "./_components/drift-panel";
import { McpSettingsForm } from "./_components/mcp-settings-form";
import { DeleteOperationButton, OperationEditor, type EditableOperation } from "./_components/operation-editor";
import { OperationsList } from "./_components/operations-list";
import { ReviewPanel } from "./_components/review-panel";
import { RunProgress } from "./_components/run-progress";
import { VersionHistory } from "./_components/version-history";

type Props = { params: Promise<{ merchant: string; id: string }>; searchParams: Promise<{ version?: string; run?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrations"))("title") };
}

const pretty = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value, null, 2));

function editable(op: VersionDetail["operations"][number]): EditableOperation {
  return {
    id: op.id,
    name: op.name,
    title: op.title,
    description: op.description,
    httpMethod: op.httpMethod,
    url: op.url,
    annotations: { readOnly: op.readOnly, destructive: op.destructive, idempotent: op.idempotent, movesMoney: op.movesMoney, needsConfirmation: op.needsConfirmation },
    examplePrompts: op.examplePrompts,
    inputSchema: pretty(op.inputSchema),
    outputSchema: pretty(op.outputSchema),
  };
}

export default async function IntegrationPage({ params, searchParams }: Props) {
  const [{ merchant: slug, id }, query] = await Promise.all([params, searchParams]);
  const ctx = await requireMerchant(slug, "integrations:read");
  const integration = await getIntegration({ merchantId: ctx.merchant.id, integrationId: id });
  if (!integration) notFound();
  const selected = integration.versions.find((v) => v.id === query.version) ?? integration.versions[0];
  if (!selected) notFound();
  const [version, runs, t, format] = await Promise.all([
    getVersion({ merchantId: ctx.merchant.id, versionId: selected.id }),
    listCheckRuns({ merchantId: ctx.merchant.id, versionId: selected.id }),
    getTranslations("integrations"),
    getFormatter(),
  ]);
  if (!version) notFound();
  const runId = runs.find((r) => r.id === query.run)?.id ?? runs[0]?.id;
  const run = runId ? await getCheckRun({ merchantId: ctx.merchant.id, runId }) : null;

  const canWrite = merchantRoleCan(ctx.role, "integrations:write");
  const isDraft = version.status === "DRAFT";
  const isMcp = integration.kind === "MCP_SERVER";
  const base = `${merchantHref(ctx.merchant.slug, "integrations")}/${encodeURIComponent(integration.id)}`;
  const hidden = { merchant: ctx.merchant.slug, integrationId: integration.id, versionId: version.id };
  const finished = run && (run.status === "SUCCEEDED" || run.status === "FAILED");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-8">
      <PageHeader
        title={integration.name}
        description={[t(`kinds.${integration.kind}`), t(`categories.${integration.category}`), integration.description].filter(Boolean).join(" · ")}
        actions={
          <Link href={merchantHref(ctx.merchant.slug, "integrations")} className={buttonClasses({ variant: "secondary" })}>
            {t("detail.back")}
          </Link>
        }
      />

      <Card aria-labelledby="integration-versions">
        <CardHeader
          title={<span id="integration-versions">{t("detail.versions")}</span>}
          description={integration.liveVersionId ? t("detail.liveIs", { number: integration.versions.find((v) => v.id === integration.liveVersionId)?.number ?? "?" }) : t("list.notLive")}
        />
        <CardBody>
          <nav aria-label={t("detail.versions")}>
            <ul className="flex flex-wrap gap-2">
              {integration.versions.map((v) => (
                <li key={v.id}>
                  <Link
                    href={`${base}?version=${encodeURIComponent(v.id)}`}
                    aria-current={v.id === version.id ? "page" : undefined}
                    className={buttonClasses({ variant: v.id === version.id ? "primary" : "secondary", size: "sm" })}
                  >
                    v{v.number} · {t(`versionStatus.${v.status}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </CardBody>
      </Card>

      {isMcp && integration.liveVersionId ? <DriftPanel merchantId={ctx.merchant.id} slug={ctx.merchant.slug} integrationId={integration.id} canRecheck={canWrite} /> : null}

      <Card aria-labelledby="integration-version">
        <CardHeader
          title={
            <span id="integration-version" className="flex items-center gap-2">
              {t("detail.version", { number: version.number })} <VersionStatusBadge status={version.status} />
            </span>
          }
          description={isDraft ? t("detail.draftHelp") : t("detail.immutableHelp")}
          actions={
            canWrite ? (
              <>
                {!isDraft ? <ActionButton action={createDraftAction} hidden={hidden} label={t("detail.newDraft")} pendingLabel={t("detail.creatingDraft")} variant="secondary" /> : null}
                <ActionButton action={runValidationAction} hidden={hidden} label={t("detail.runValidation")} pendingLabel={t("detail.starting")} />
              </>
            ) : null
          }
        />
        <CardBody className="space-y-6">
          {isMcp ? (
            isDraft && canWrite ? (
              <McpSettingsForm
                merchant={ctx.merchant.slug}
                integrationId={integration.id}
                versionId={version.id}
                endpointUrl={version.endpointUrl ?? ""}
                transport={version.transport ?? "STREAMABLE_HTTP"}
                authType={version.authType}
                hasSecret={version.hasSecret}
              />
            ) : (
              <dl className="grid gap-3 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500">{t("create.endpointUrl")}</dt>
                  <dd className="font-mono break-all">{version.endpointUrl}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("create.transport")}</dt>
                  <dd>{t(`create.transports.${version.transport ?? "STREAMABLE_HTTP"}`)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t("create.auth")}</dt>
                  <dd>{t(`create.auths.${version.authType}`)}{version.hasSecret ? ` · ${t("create.secretSetShort")}` : ""}</dd>
                </div>
              </dl>
            )
          ) : null}
          {isMcp && version.serverInfo ? (
            <p className="text-sm text-slate-600">
              {t("detail.serverInfo", {
                name: String((version.serverInfo as Record<string, unknown>).name ?? "?"),
                version: String((version.serverInfo as Record<string, unknown>).version ?? "?"),
                protocol: version.protocolVersion ?? "?",
              })}
            </p>
          ) : null}
          {version.toolListHash ? <p className="font-mono text-xs break-all text-slate-500">{t("detail.hash", { hash: version.toolListHash })}</p> : null}
        </CardBody>
      </Card>

      <ReviewPanel
        merchant={{ id: ctx.merchant.id, slug: ctx.merchant.slug }}
        integrationId={integration.id}
        version={{ id: version.id, number: version.number, status: version.status }}
        latestRun={runs[0] ?? null}
        canWrite={canWrite}
      />

      {run ? (
        <Card aria-labelledby="integration-run">
          <CardHeader
            title={
              <span id="integration-run" className="flex items-center gap-2">
                {t("run.title")} <RunStatusBadge status={run.status} />
              </span>
            }
            description={
              run.status === "SUCCEEDED"
                ? t("run.summary", { errors: run.errorCount, warnings: run.warningCount, infos: run.infoCount, seconds: ((run.durationMs ?? 0) / 1000).toFixed(1), at: date(run.finishedAt ?? run.createdAt) })
                : t("run.startedAt", { at: date(run.createdAt) })
            }
          />
          <CardBody>
            {!finished ? (
              <RunProgress href={`${base}/runs/${encodeURIComponent(run.id)}`} initial={{ status: run.status, progress: run.progress, label: run.progressLabel }} />
            ) : run.status === "FAILED" ? (
              <p role="alert" className="text-sm text-red-700">
                {t("run.failed", { reason: run.failureReason ?? "" })}
              </p>
            ) : (
              <CheckReport results={run.results} />
            )}
            {runs.length > 1 ? (
              <details className="mt-6 text-sm">
                <summary className="cursor-pointer text-slate-700">{t("run.history", { count: runs.length })}</summary>
                <ul className="mt-2 space-y-1">
                  {runs.map((r) => (
                    <li key={r.id} className="flex items-center gap-2">
                      <Link href={`${base}?version=${encodeURIComponent(version.id)}&run=${encodeURIComponent(r.id)}`} className="text-indigo-700 hover:underline">
                        {date(r.createdAt)}
                      </Link>
                      <RunStatusBadge status={r.status} />
                      {r.status === "SUCCEEDED" ? t("list.counts", { errors: r.errorCount, warnings: r.warningCount }) : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </CardBody>
        </Card>
      ) : null}

      <Card aria-labelledby="integration-operations">
        <CardHeader
          title={<span id="integration-operations">{isMcp ? t("operations.toolsTitle", { count: version.operations.length }) : t("operations.title", { count: version.operations.length })}</span>}
          description={isMcp ? t("operations.toolsHelp") : undefined}
        />
        <CardBody>
          {!isMcp && isDraft && canWrite ? (
            <div className="space-y-4">
              {version.operations.map((op) => (
                <details key={op.id} className="rounded-md border border-slate-200 p-3" data-operation={op.name}>
                  <summary className="cursor-pointer font-mono text-sm font-semibold">{op.name}</summary>
                  <div className="mt-3 space-y-3">
                    <OperationEditor merchant={ctx.merchant.slug} integrationId={integration.id} versionId={version.id} operation={editable(op)} />
                    <DeleteOperationButton merchant={ctx.merchant.slug} integrationId={integration.id} versionId={version.id} operationId={op.id} name={op.name} />
                  </div>
                </details>
              ))}
              <details className="rounded-md border border-dashed border-slate-300 p-3" open={version.operations.length === 0}>
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("operations.add")}</summary>
                <div className="mt-3">
                  <OperationEditor merchant={ctx.merchant.slug} integrationId={integration.id} versionId={version.id} />
                </div>
              </details>
            </div>
          ) : (
            <OperationsList operations={version.operations} showEndpoint={!isMcp} />
          )}
        </CardBody>
      </Card>

      <VersionHistory merchantId={ctx.merchant.id} integrationId={integration.id} base={base} selectedId={version.id} />

      <Card aria-labelledby="integration-export">
        <CardHeader title={<span id="integration-export">{t("export.title")}</span>} description={t("export.help", { number: version.number })} />
        <CardBody>
          <ul className="flex flex-wrap gap-2">
            {exportFormats.map((f) => (
              <li key={f}>
                <a
                  href={`/api/v1/integrations/${encodeURIComponent(integration.id)}/export?format=${f}&version=${version.number}`}
                  download
                  className={buttonClasses({ variant: "secondary", size: "sm" })}
                >
                  {t(`export.formats.${f}`)}
                </a>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
