import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { paths } from "@/lib/i18n/paths";

/** The 403 page: shown (with status 403) when a signed-in person opens an area their roles do not include. */
export default async function Forbidden() {
  const locale = (await getLocale()) === "en" ? "en" : "sv";
  const [t, user] = await Promise.all([getTranslations({ locale, namespace: "forbidden" }), getSessionUser()]);
  return (
    <div className="container-page py-12">
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose">{t("text")}</p>
      {user && <p className="mt-2 max-w-prose">{t("signedInAs", { email: user.email })}</p>}
      <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a href={paths.calendar(locale)}>{t("back")}</a>
        </li>
        {user && (
          <li>
            <a href={paths.account(locale)}>{t("account")}</a>
          </li>
        )}
      </ul>
    </div>
  );
}
