import { getLocale, getTranslations } from "next-intl/server";
import { ReviewForm } from "@/components/review/review-form";
import { Textarea } from "@/components/review/textarea";
import { reasonCodes } from "@/lib/review/reason-codes";
import { decideAction } from "../actions";

const decisions = ["APPROVED", "CHANGES_REQUESTED", "REJECTED"] as const;

/** Decision, reasons from the catalogue (with their linked rules) and the message to the merchant. */
export async function DecideForm({ versionId }: { versionId: string }) {
  const [t, locale] = await Promise.all([getTranslations("review"), getLocale()]);
  const zh = locale.startsWith("zh");
  const done = Object.fromEntries(decisions.map((d) => [d, t(`done.${d}`)]));
  return (
    <ReviewForm action={decideAction} hidden={{ versionId }} submitLabel={t("detail.submit")} pendingLabel={t("detail.submitting")} done={done}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("detail.decision")}</legend>
        <div className="flex flex-wrap gap-4">
          {decisions.map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm text-slate-900">
              <input type="radio" name="decision" value={d} required className="h-4 w-4 text-indigo-600" />
              {t(`decisions.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2" aria-describedby="reasons-help">
        <legend className="text-sm font-medium text-slate-800">{t("detail.reasons")}</legend>
        <p id="reasons-help" className="text-xs text-slate-500">
          {t("detail.reasonsHelp")}
        </p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {reasonCodes.map((r) => (
            <li key={r.code}>
              <label className="flex items-start gap-2 text-sm text-slate-900">
                <input type="checkbox" name="reasonCodes" value={r.code} className="mt-0.5 h-4 w-4 rounded text-indigo-600" />
                <span>
                  {zh ? r.zh : r.en}
                  {r.ruleIds.length ? <span className="block font-mono text-xs text-slate-500">{r.ruleIds.join(" ")}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="decide-message" className="block text-sm font-medium text-slate-800">
          {t("detail.message")}
        </label>
        <Textarea id="decide-message" name="message" rows={4} maxLength={4000} aria-describedby="decide-message-help" />
        <p id="decide-message-help" className="text-xs text-slate-500">
          {t("detail.messageHelp")}
        </p>
      </div>
    </ReviewForm>
  );
}
