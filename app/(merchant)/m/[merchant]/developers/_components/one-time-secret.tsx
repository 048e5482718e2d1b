"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A signing secret shown once, with a copy button and the warning that it will not be shown again. */
export function OneTimeSecret({ id, secret, title }: { id: string; secret: string; title: string }) {
  const t = useTranslations("webhooks.secret");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2 rounded-md bg-emerald-50 p-4">
      {/* Only the title and warning are announced: a live region would read the secret aloud. */}
      <div role="status">
        <p className="text-sm font-medium text-emerald-900">{title}</p>
        <p className="text-sm text-emerald-900">{t("once")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={id} className="block text-xs font-medium text-emerald-900">
            {t("label")}
          </label>
          <Input id={id} readOnly value={secret} onFocus={(event) => event.currentTarget.select()} className="font-mono" data-testid="webhook-secret" />
        </div>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
