"use client";

import { ErrorView } from "@/app/_components/error-view";

// Below the merchant layout, so a failing page keeps the shell and its navigation.
export default function MerchantError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView inShell error={error} retry={retry} />;
}
