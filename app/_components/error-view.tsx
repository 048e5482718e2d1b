"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "./error-panel";

/** What the error boundaries show: a retry, a way home, and the server's error reference. */
export function ErrorView({ error, retry, inShell }: { error: unknown; retry: () => void; inShell?: boolean }) {
  const t = useTranslations("errors");
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <ErrorPanel
      inShell={inShell}
      title={t("error.title")}
      description={t("error.description")}
      homeLabel={t("home")}
      detail={digest ? t("error.reference", { digest }) : undefined}
    >
      <Button onClick={() => retry()}>{t("error.retry")}</Button>
    </ErrorPanel>
  );
}
