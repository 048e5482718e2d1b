import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/app/_components/error-panel";

// Something inside a merchant the user belongs to (an order, an integration) does not exist.
export default async function MerchantNotFound() {
  const t = await getTranslations("errors");
  return <ErrorPanel inShell code="404" title={t("notFound.title")} description={t("notFound.description")} homeLabel={t("home")} />;
}
