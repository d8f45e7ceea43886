import type { AbstractIntlMessages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { AppLocale } from "@/lib/i18n/routing";

/** Hands the calendar editor's client components (forms, confirmations) their texts, and no others. */
export async function CalendarAdminMessages({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  const messages = await getMessages({ locale });
  return <NextIntlClientProvider messages={{ calendarAdmin: (messages as Record<string, AbstractIntlMessages>).calendarAdmin ?? {} }}>{children}</NextIntlClientProvider>;
}
