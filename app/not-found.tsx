import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "./_components/error-panel";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <ErrorPanel code="404" title={t("notFound.title")} description={t("notFound.description")} homeLabel={t("home")} />;
}
