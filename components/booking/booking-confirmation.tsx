"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatSek, type AppLocale } from "@/lib/domain/money";
import { formatStockholmTime } from "@/lib/domain/time";
import type { BookSessionsResult } from "@/lib/server/enrollment/book-sessions";

type Props = {
  result: BookSessionsResult;
  locale: AppLocale;
  email: string;
  links: { bookings: string; bookAgain: string; pay: string };
};

/** What the person sees once the order is placed: its reference, the amount, and until when the seats are held. */
export function BookingConfirmation({ result, locale, email, links }: Props) {
  const t = useTranslations("booking");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="booking-confirmed" className="max-w-prose rounded-lg border-l-4 border-gathering bg-gathering-soft p-5 sm:p-6">
      <h2 id="booking-confirmed" ref={heading} tabIndex={-1} className="text-2xl">
        {t("confirmedHeading")}
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("confirmedReference")}</dt>
        <dd className="font-mono text-lg" data-testid="order-reference">
          {result.reference}
        </dd>
        <dt className="font-semibold">{t("confirmedTotal")}</dt>
        <dd>{formatSek(result.totalInclVatOre, locale)}</dd>
      </dl>
      <p className="mt-4 font-semibold">
        {t.rich("confirmedHold", {
          time: formatStockholmTime(new Date(result.holdExpiresAt), locale),
          at: (chunks) => <time dateTime={result.holdExpiresAt}>{chunks}</time>,
        })}
      </p>
      <p className="mt-2">{t("confirmedEmail", { email })}</p>
      <p className="mt-5 flex flex-wrap gap-x-6 gap-y-3">
        <a href={links.pay.replace("__ORDER__", result.orderId)} className="button-primary">
          {t("payNow")}
        </a>
        <a href={links.bookings} className="button-secondary">
          {t("toBookings")}
        </a>
        <a href={links.bookAgain}>
          {t("bookMore")}
        </a>
      </p>
    </section>
  );
}
