import "server-only";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageArea } from "@/lib/auth/page-guards";
import type { SessionUser } from "@/lib/auth/session";
import { localeFromParams } from "@/lib/i18n/locale-param";
import type { AppLocale } from "@/lib/i18n/routing";

type LocaleParams = { locale: string };

/** A page's generateMetadata that only sets the title, from one translation key. */
export function titleMetadata(namespace: string, key = "title") {
  return async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
    const locale = await localeFromParams(params);
    const t = await getTranslations({ locale, namespace });
    return { title: t(key) };
  };
}

/** The start of every admin page: the checked locale, set for the request, and the signed-in admin (else sign-in or 403). */
export async function openAdminPage<P extends LocaleParams>(params: Promise<P>): Promise<{ locale: AppLocale; me: SessionUser; params: P }> {
  const locale = await localeFromParams(params);
  setRequestLocale(locale);
  const me = await requirePageArea(locale, "admin");
  return { locale, me, params: await params };
}
