import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/app/_components/error-panel";

// A page the member's role does not allow: shown inside the merchant shell, which they may use.
export default async function MerchantForbidden() {
  const t = await getTranslations("errors");
  return <ErrorPanel inShell code="403" title={t("forbidden.title")} description={t("forbidden.description")} homeLabel={t("home")} />;
}
