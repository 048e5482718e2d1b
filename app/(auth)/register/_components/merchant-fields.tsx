"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MerchantCategory } from "@/lib/generated/prisma/enums";

export function MerchantFields({ errors, values }: { errors?: Record<string, string[]>; values?: Record<string, string> }) {
  const t = useTranslations("auth");
  const categories = Object.values(MerchantCategory).map((value) => ({ value, label: t(`categories.${value}`) }));
  return (
    <>
      <Field id="merchant-name" label={t("register.merchantName")} error={errors?.merchantName?.[0]}>
        {(p) => <Input {...p} name="merchantName" required maxLength={100} defaultValue={values?.merchantName} />}
      </Field>
      <Field id="merchant-slug" label={t("register.merchantSlug")} hint={t("register.merchantSlugHint")} error={errors?.merchantSlug?.[0]}>
        {(p) => <Input {...p} name="merchantSlug" required pattern="[a-z0-9][a-z0-9\-]{1,38}[a-z0-9]" defaultValue={values?.merchantSlug} />}
      </Field>
      <Field id="merchant-category" label={t("register.merchantCategory")} error={errors?.merchantCategory?.[0]}>
        {(p) => <Select {...p} name="merchantCategory" options={categories} defaultValue={values?.merchantCategory ?? "FOOD"} />}
      </Field>
    </>
  );
}
