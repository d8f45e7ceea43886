import type { ReactNode } from "react";
import { PageHeader } from "@/components/admin/page-header";
import { paths } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";

/** The top of a coordination page: back to the coordination start page, the heading and the introduction. */
export function CoordinationPageHeader({ locale, backText, title, intro }: { locale: AppLocale; backText: string; title: ReactNode; intro: ReactNode }) {
  return <PageHeader back={{ href: paths.coordinator(locale), text: backText }} title={title} intro={intro} />;
}
