"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { updateSettingsAction } from "../actions";
import { FormOutcome } from "./form-outcome";

const levels = ["NONE", "ORDER_STATUS", "ORDER_DETAILS"] as const;

export function SettingsForm({
  merchant,
  screenReadingAllowed,
  dataSharing,
  readOnly,
}: {
  merchant: string;
  screenReadingAllowed: boolean;
  dataSharing: (typeof levels)[number];
  readOnly: boolean;
}) {
  const t = useTranslations("visibility.settings");
  const [state, formAction, pending] = useActionState(updateSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="merchant" value={merchant} />
      <div className="flex items-start gap-3">
        <input
          id="screen-reading-allowed"
          name="screenReadingAllowed"
          type="checkbox"
          defaultChecked={screenReadingAllowed}
          disabled={readOnly}
          aria-describedby="screen-reading-allowed-hint"
          className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
        />
        <div>
          <label htmlFor="screen-reading-allowed" className="text-sm font-medium text-slate-800">
            {t("screenReading")}
          </label>
          <p id="screen-reading-allowed-hint" className="text-xs text-slate-500">
            {t("screenReadingHint")}
          </p>
          {errors?.screenReadingAllowed ? <p className="text-sm text-red-700">{errors.screenReadingAllowed[0]}</p> : null}
        </div>
      </div>
      <div className="max-w-sm">
        <Field id="data-sharing" label={t("dataSharing")} hint={t("dataSharingHint")} error={errors?.dataSharing?.[0]}>
          {(p) => (
            <Select
              {...p}
              name="dataSharing"
              defaultValue={dataSharing}
              disabled={readOnly}
              options={levels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
            />
          )}
        </Field>
      </div>
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <FormOutcome state={state} />
        </div>
      )}
    </form>
  );
}
