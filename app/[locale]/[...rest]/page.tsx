import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { localeFromParams } from "@/lib/i18n/locale-param";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  return { title: (await getTranslations({ locale, namespace: "notFound" }))("title") };
}

/** Any address under a language that no page matches: the localized not-found page, with the site's header and footer. */
export default function UnknownPage() {
  notFound();
}
