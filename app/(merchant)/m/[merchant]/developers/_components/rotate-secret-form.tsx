"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { rotateWebhookSecretAction } from "../actions";
import { OneTimeSecret } from "./one-time-secret";

export function RotateSecretForm({ merchant, endpointId, url }: { merchant: string; endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(rotateWebhookSecretAction, null);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="merchant" value={merchant} />
        <input type="hidden" name="endpointId" value={endpointId} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={t("rotateFor", { url })}>
          {pending ? t("rotating") : t("rotate")}
        </Button>
        {state && !state.ok ? (
          <span role="alert" className="ml-2 text-sm text-red-700">
            {state.error}
          </span>
        ) : null}
      </form>
      {state?.ok ? <OneTimeSecret id={`rotated-${endpointId}`} secret={state.secret} title={t("secret.rotated")} /> : null}
    </div>
  );
}
