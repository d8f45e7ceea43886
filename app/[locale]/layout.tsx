import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getSessionUser } from "@/lib/auth/session";
import { devToolsEnabled, getEnv } from "@/lib/env";
import { PATHNAME_HEADER } from "@/lib/i18n/alternate-path";
import { paths, withQuery } from "@/lib/i18n/paths";
import { routing } from "@/lib/i18n/routing";
import { getSiteOrganiser } from "@/lib/server/calendar/get-site-organiser";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { template: `%s – ${t("siteName")}`, default: t("siteName") },
    description: t("description"),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [requestHeaders, organiser, t] = await Promise.all([
    headers(),
    getSiteOrganiser(),
    getTranslations({ locale, namespace: "layout" }),
  ]);
  // proxy.ts sets this header on every page request. Without it the page is being rendered for
  // the cache, for everyone (`dynamic = "force-static"`, the public calendar): no request, so no
  // session; the browser then fills in the header's signed-in part and makes the redirect below.
  const requestPath = requestHeaders.get(PATHNAME_HEADER);
  const cachedForEveryone = requestPath === null;
  const currentPath = requestPath ?? "";
  const user = cachedForEveryone ? null : await getSessionUser();
  // A first sign-in completes the profile before anything else.
  if (user && !user.profileComplete && !isProfileExempt(currentPath)) {
    redirect(withQuery(paths.account(user.locale), { next: currentPath }));
  }

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a href="#main" className="skip-link">
          {t("skipLink")}
        </a>
        <SiteHeader
          locale={locale}
          organiserName={organiser?.name ?? null}
          user={cachedForEveryone ? "in-browser" : user}
          devTools={devToolsEnabled(getEnv())}
        />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter locale={locale} organiser={organiser} currentPath={currentPath} />
      </body>
    </html>
  );
}

/** Pages a person with an unfinished profile may still see: the profile form, sign-in and the dev mail page. */
function isProfileExempt(path: string): boolean {
  return [paths.account, paths.signIn, paths.devMail].some((page) => page("sv") === path || page("en") === path);
}
