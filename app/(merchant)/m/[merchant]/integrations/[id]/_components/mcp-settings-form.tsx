"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { updateMcpDraftAction } from "../../actions";
import { fieldError, FormError } from "../../_components/form-status";

export function McpSettingsForm({
  merchant,
  integrationId,
  versionId,
  endpointUrl,
  transport,
  authType,
  hasSecret,
}: {
  merchant: string;
  integrationId: string;
  versionId: string;
  endpointUrl: string;
  transport: string;
  authType: string;
  hasSecret: boolean;
}) {
  const t = useTranslations("integrations.create");
  const [state, action, pending] = useActionState(updateMcpDraftAction, null);
  const [auth, setAuth] = useState(authType);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <input type="hidden" name="integrationId" value={integrationId} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="hasSecret" value={hasSecret ? "1" : "0"} />
      <Field id="mcp-endpoint" label={t("endpointUrl")} error={fieldError(state, "endpointUrl")}>
        {(p) => <Input {...p} name="endpointUrl" type="url" defaultValue={endpointUrl} required />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="mcp-transport" label={t("transport")}>
          {(p) => (
            <Select
              {...p}
              name="transport"
              defaultValue={transport}
              options={[
                { value: "STREAMABLE_HTTP", label: t("transports.STREAMABLE_HTTP") },
                { value: "SSE", label: t("transports.SSE") },
              ]}
            />
          )}
        </Field>
        <Field id="mcp-auth" label={t("auth")}>
          {(p) => (
            <Select
              {...p}
              name="authType"
              value={auth}
              onChange={(event) => setAuth(event.target.value)}
              options={[
                { value: "NONE", label: t("auths.NONE") },
                { value: "BEARER", label: t("auths.BEARER") },
              ]}
            />
          )}
        </Field>
        {auth === "BEARER" ? (
          <Field id="mcp-secret" label={hasSecret ? t("replaceSecret") : t("bearerSecret")} hint={hasSecret ? t("secretSet") : t("secretHint")} error={fieldError(state, "bearerSecret")}>
            {(p) => <Input {...p} name="bearerSecret" type="password" autoComplete="off" />}
          </Field>
        ) : null}
      </div>
      <FormError state={state} fields={["endpointUrl", "bearerSecret"]} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        {state?.ok ? (
          <span role="status" className="text-sm text-emerald-700">
            {t("saved")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
