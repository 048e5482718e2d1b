import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "./_components/error-panel";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return <ErrorPanel code="403" title={t("forbidden.title")} description={t("forbidden.description")} homeLabel={t("home")} />;
}
