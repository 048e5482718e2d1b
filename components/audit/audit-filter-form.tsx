import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { AuditFilterParams } from "@/lib/validation/audit-filters";
import Link from "@/components/ui/link";

type FilterKey = "merchant" | "actor" | "action" | "objectType" | "objectId" | "from" | "to";

/** A GET form: the filters live in the URL, so a filtered view can be shared and bookmarked. */
export async function AuditFilterForm({ action, params, fields, error }: { action: string; params: AuditFilterParams; fields: FilterKey[]; error?: string }) {
  const t = await getTranslations("auditLog.filters");
  return (
    <form method="get" action={action} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t("legend")}</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {fields.map((key) => (
            <div key={key} className="space-y-1">
              <label htmlFor={`audit-${key}`} className="block text-xs font-medium text-slate-700">
                {t(key)}
              </label>
              <Input
                id={`audit-${key}`}
                name={key}
                type={key === "from" || key === "to" ? "date" : "text"}
                defaultValue={params[key] ?? ""}
                aria-invalid={key === "merchant" && error ? true : undefined}
                aria-describedby={key === "merchant" && error ? "audit-merchant-error" : undefined}
              />
              {key === "merchant" && error ? (
                <p id="audit-merchant-error" className="text-xs text-red-700">
                  {error}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 flex gap-2">
        <button type="submit" className={buttonClasses({ size: "sm" })}>
          {t("apply")}
        </button>
        <Link href={action} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
