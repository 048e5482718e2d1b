"use client";

import { useTranslations } from "next-intl";
import { useActionState, useCallback } from "react";
import { SchemaEditor } from "@/components/schema-editor/schema-editor";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { controlClasses, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { annotationKeys, httpMethods } from "@/lib/validation/integrations";
import { checkSchemaAction, deleteOperationAction, saveOperationAction } from "../../actions";
import { fieldError, FormError } from "../../_components/form-status";

export type EditableOperation = {
  id: string;
  name: string;
  title: string;
  description: string;
  httpMethod: string;
  url: string;
  annotations: Record<(typeof annotationKeys)[number], boolean | null>;
  examplePrompts: string[];
  inputSchema: string;
  outputSchema: string;
};

const emptySchema = '{\n  "type": "object",\n  "properties": {},\n  "additionalProperties": false\n}';

/** Add or edit one operation of a Skill draft. `operation` absent = a new one. */
export function OperationEditor({ merchant, integrationId, versionId, operation }: { merchant: string; integrationId: string; versionId: string; operation?: EditableOperation }) {
  const t = useTranslations("integrations.operationEditor");
  const [state, action, pending] = useActionState(saveOperationAction, null);
  const key = operation?.id ?? "new";
  const check = useCallback(
    async (text: string, optional: boolean) => {
      const form = new FormData();
      form.set("merchant", merchant);
      form.set("text", text);
      form.set("optional", optional ? "1" : "0");
      const result = await checkSchemaAction(null, form);
      return result?.ok ? result.issues : null;
    },
    [merchant],
  );
  const id = (field: string) => `op-${key}-${field}`;
  const err = (field: string) => fieldError(state, field);
  const tri = (value: boolean | null | undefined) => (value === true ? "true" : value === false ? "false" : "unset");
  const triOptions = [
    { value: "unset", label: t("unset") },
    { value: "true", label: t("yes") },
    { value: "false", label: t("no") },
  ];

  return (
    <form action={action} className="space-y-4" noValidate aria-label={operation ? t("editLabel", { name: operation.name }) : t("newLabel")}>
      <input type="hidden" name="merchant" value={merchant} />
      <input type="hidden" name="integrationId" value={integrationId} />
      <input type="hidden" name="versionId" value={versionId} />
      {operation ? <input type="hidden" name="operationId" value={operation.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("name")} label={t("name")} hint={t("nameHint")} error={err("name")}>
          {(p) => <Input {...p} name="name" defaultValue={operation?.name} className="font-mono" required />}
        </Field>
        <Field id={id("title")} label={t("title")} error={err("title")}>
          {(p) => <Input {...p} name="title" defaultValue={operation?.title} />}
        </Field>
      </div>
      <Field id={id("description")} label={t("description")} hint={t("descriptionHint")} error={err("description")}>
        {(p) => <textarea {...p} name="description" rows={2} defaultValue={operation?.description} className={controlClasses} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <Field id={id("method")} label={t("method")}>
          {(p) => <Select {...p} name="httpMethod" defaultValue={operation?.httpMethod ?? "POST"} options={httpMethods.map((m) => ({ value: m, label: m }))} />}
        </Field>
        <Field id={id("url")} label={t("url")} error={err("url")}>
          {(p) => <Input {...p} name="url" type="url" defaultValue={operation?.url} placeholder="https://api.example.com/orders" />}
        </Field>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-5">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("annotations")}</legend>
        {annotationKeys.map((k) => (
          <Field key={k} id={id(k)} label={t(`annotation.${k}`)}>
            {(p) => <Select {...p} name={k} defaultValue={tri(operation?.annotations[k])} options={triOptions} />}
          </Field>
        ))}
      </fieldset>
      <Field id={id("prompts")} label={t("prompts")} hint={t("promptsHint")} error={err("examplePrompts")}>
        {(p) => <textarea {...p} name="examplePrompts" rows={2} defaultValue={operation?.examplePrompts.join("\n")} className={controlClasses} />}
      </Field>
      <div className="grid gap-4 lg:grid-cols-2">
        <SchemaEditor id={id("input")} name="inputSchema" label={t("inputSchema")} check={check} defaultValue={operation?.inputSchema ?? emptySchema} serverErrors={state && !state.ok ? state.fieldErrors?.inputSchema : undefined} />
        <SchemaEditor id={id("output")} name="outputSchema" label={t("outputSchema")} hint={t("outputHint")} check={check} optional defaultValue={operation?.outputSchema ?? ""} serverErrors={state && !state.ok ? state.fieldErrors?.outputSchema : undefined} />
      </div>
      <FormError state={state} fields={["name", "title", "description", "url", "examplePrompts", "inputSchema", "outputSchema"]} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : operation ? t("save") : t("add")}
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

export function DeleteOperationButton({ merchant, integrationId, versionId, operationId, name }: { merchant: string; integrationId: string; versionId: string; operationId: string; name: string }) {
  const t = useTranslations("integrations.operationEditor");
  const [state, action, pending] = useActionState(deleteOperationAction, null);
  return (
    <form action={action} className={cx("flex items-center gap-2")}>
      <input type="hidden" name="merchant" value={merchant} />
      <input type="hidden" name="integrationId" value={integrationId} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="operationId" value={operationId} />
      <Button type="submit" size="sm" variant="danger" disabled={pending} aria-label={t("deleteNamed", { name })}>
        {t("delete")}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
