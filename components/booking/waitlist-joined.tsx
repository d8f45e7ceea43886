"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { AppLocale } from "@/lib/domain/money";
import type { JoinWaitlistResult } from "@/lib/server/enrollment/join-waitlist";

type Props = {
  result: JoinWaitlistResult;
  session: string;
  contentLang: AppLocale | undefined;
  email: string;
  bookingsHref: string;
};

/** The answer after joining a waiting list: who is in the queue, one's own place in it, or an offer straight away. */
export function WaitlistJoined({ result, session, contentLang, email, bookingsHref }: Props) {
  const t = useTranslations("booking");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  const mine = result.entries.find((e) => e.participantEmail === email.toLowerCase());
  const offered = result.entries.some((e) => e.status === "OFFERED");
  return (
    <div ref={ref} tabIndex={-1} role="status" className="max-w-prose rounded border-l-4 border-gathering bg-gathering-soft p-4">
      <h2 className="text-lg">{t("queuedHeading")}</h2>
      <p className="mt-1">
        {t.rich("queued", { count: result.entries.length, session, w: (chunks) => <span lang={contentLang}>{chunks}</span> })}
      </p>
      {typeof mine?.position === "number" && <p className="mt-1 font-semibold">{t("queuePosition", { position: mine.position })}</p>}
      <p className="mt-1">{offered ? t("queueOffered") : t("queueNext")}</p>
      <p className="mt-2">
        <a href={bookingsHref}>{t("toBookings")}</a>
      </p>
    </div>
  );
}
