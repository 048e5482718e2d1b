"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "./_components/error-panel";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <ErrorPanel
      title={t("error.title")}
      description={t("error.description")}
      homeLabel={t("home")}
      detail={digest ? t("error.reference", { digest }) : undefined}
    >
      <Button onClick={() => retry()}>{t("error.retry")}</Button>
    </ErrorPanel>
  );
}
