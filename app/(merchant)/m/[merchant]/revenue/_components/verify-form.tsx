"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { verifyStatementAction } from "../actions";

/** Recomputes a closed statement from the orders and says whether it still agrees to the fen. */
export function VerifyForm({ merchant, period }: { merchant: string; period: string }) {
  const t = useTranslations("statements.verify");
  const [state, action, pending] = useActionState(verifyStatementAction, null);
  return (
    <form action={action} className="space-y-2 print:hidden">
      <input type="hidden" name="merchant" value={merchant} />
      <input type="hidden" name="period" value={period} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("checking") : t("button")}
      </Button>
      <div aria-live="polite">
        {state && !state.ok ? <p role="alert" className="text-sm text-red-700">{state.error}</p> : null}
        {state?.ok ? (
          <div role="status" data-testid="verify-result" className={`text-sm ${state.matches ? "text-emerald-700" : "text-red-700"}`}>
            <p>{state.message}</p>
            {state.differences.length ? (
              <ul className="mt-1 list-disc pl-5 font-mono text-xs">
                {state.differences.map((d, i) => (
                  <li key={i}>{t("difference", { where: d.where, field: d.field, stored: d.stored, recomputed: d.recomputed })}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
