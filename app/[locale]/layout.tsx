import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { alternatePath, PATHNAME_HEADER } from "@/lib/i18n/alternate-path";
import { routing, type AppLocale } from "@/lib/i18n/routing";
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
  const other: AppLocale = locale === "sv" ? "en" : "sv";
  const [requestHeaders, organiser, t] = await Promise.all([
    headers(),
    getSiteOrganiser(),
    getTranslations({ locale, namespace: "layout" }),
  ]);
  const currentPath = requestHeaders.get(PATHNAME_HEADER) ?? "/";

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a href="#main" className="skip-link">
          {t("skipLink")}
        </a>
        <SiteHeader
          locale={locale}
          organiserName={organiser?.name ?? null}
          alternateHref={alternatePath(currentPath, locale, other)}
          currentPath={currentPath}
        />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter locale={locale} organiser={organiser} currentPath={currentPath} />
      </body>
    </html>
  );
}
