"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { controlClasses, Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { importMcpAction, importWechatAction } from "../actions";
import { fieldError, FormError } from "./form-status";

export function ImportWechatForm({ merchant }: { merchant: string }) {
  const t = useTranslations("integrations.importWechat");
  const [state, action, pending] = useActionState(importWechatAction, null);
  const [text, setText] = useState("");
  const payloadError = fieldError(state, "payload");

  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <Field id="wechat-file" label={t("file")} hint={t("fileHint")}>
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".json,application/json"
            className="block text-sm"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        )}
      </Field>
      <div className="space-y-1.5">
        <label htmlFor="wechat-payload" className="block text-sm font-medium text-slate-800">
          {t("payload")}
        </label>
        <textarea
          id="wechat-payload"
          name="payload"
          rows={6}
          value={text}
          onChange={(event) => setText(event.target.value)}
          spellCheck={false}
          aria-invalid={payloadError ? true : undefined}
          aria-describedby={payloadError ? "wechat-payload-error" : undefined}
          className={cx(controlClasses, "font-mono text-xs")}
          placeholder='{"name": "…", "apis": [ … ]}'
        />
        {state && !state.ok && state.fieldErrors?.payload ? (
          <ul id="wechat-payload-error" className="list-disc pl-5 text-sm text-red-700">
            {state.fieldErrors.payload.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <Field id="wechat-name" label={t("name")} hint={t("nameHint")} error={fieldError(state, "name")}>
        {(p) => <Input {...p} name="name" maxLength={120} />}
      </Field>
      <FormError state={state} fields={["payload", "name"]} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

export function ImportMcpForm({ merchant, categories, defaultCategory }: { merchant: string; categories: SelectOption[]; defaultCategory: string }) {
  const t = useTranslations("integrations.importMcp");
  const [state, action, pending] = useActionState(importMcpAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <Field id="import-mcp-url" label={t("endpointUrl")} error={fieldError(state, "endpointUrl")}>
        {(p) => <Input {...p} name="endpointUrl" type="url" inputMode="url" placeholder="https://mcp.example.com/mcp" required />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="import-mcp-name" label={t("name")} error={fieldError(state, "name")}>
          {(p) => <Input {...p} name="name" required maxLength={120} />}
        </Field>
        <Field id="import-mcp-category" label={t("category")}>
          {(p) => <Select {...p} name="category" options={categories} defaultValue={defaultCategory} />}
        </Field>
      </div>
      <FormError state={state} fields={["endpointUrl", "name"]} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
