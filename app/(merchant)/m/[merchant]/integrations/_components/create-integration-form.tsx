"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { createIntegrationAction } from "../actions";
import { fieldError, FormError } from "./form-status";

export function CreateIntegrationForm({ merchant, categories, defaultCategory }: { merchant: string; categories: SelectOption[]; defaultCategory: string }) {
  const t = useTranslations("integrations.create");
  const [state, action, pending] = useActionState(createIntegrationAction, null);
  const [kind, setKind] = useState<"MCP_SERVER" | "SKILL">("MCP_SERVER");
  const [auth, setAuth] = useState("NONE");
  const err = (field: string) => fieldError(state, field);

  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("kind")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["MCP_SERVER", "SKILL"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {t(`kinds.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="create-name" label={t("name")} error={err("name")}>
          {(p) => <Input {...p} name="name" required maxLength={120} />}
        </Field>
        <Field id="create-category" label={t("category")} error={err("category")}>
          {(p) => <Select {...p} name="category" options={categories} defaultValue={defaultCategory} />}
        </Field>
      </div>
      <Field id="create-description" label={t("description")} error={err("description")}>
        {(p) => <Input {...p} name="description" maxLength={2000} />}
      </Field>
      {kind === "MCP_SERVER" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="create-endpoint" label={t("endpointUrl")} hint={t("endpointHint")} error={err("endpointUrl")}>
            {(p) => <Input {...p} name="endpointUrl" type="url" inputMode="url" placeholder="https://mcp.example.com/mcp" required />}
          </Field>
          <Field id="create-transport" label={t("transport")} hint={t("transportHint")}>
            {(p) => (
              <Select
                {...p}
                name="transport"
                options={[
                  { value: "STREAMABLE_HTTP", label: t("transports.STREAMABLE_HTTP") },
                  { value: "SSE", label: t("transports.SSE") },
                ]}
              />
            )}
          </Field>
          <Field id="create-auth" label={t("auth")}>
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
            <Field id="create-secret" label={t("bearerSecret")} hint={t("secretHint")} error={err("bearerSecret")}>
              {(p) => <Input {...p} name="bearerSecret" type="password" autoComplete="off" required />}
            </Field>
          ) : null}
        </div>
      ) : null}
      <FormError state={state} fields={["name", "category", "description", "endpointUrl", "bearerSecret"]} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
