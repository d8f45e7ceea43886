import { getLocale, getTranslations } from "next-intl/server";
import { paths } from "@/lib/i18n/paths";

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <div className="container-page py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose">{t("text")}</p>
      <p className="mt-6">
        <a href={paths.calendar(locale)}>{t("back")}</a>
      </p>
    </div>
  );
}
