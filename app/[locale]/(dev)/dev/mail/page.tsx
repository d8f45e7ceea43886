import path from "node:path";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { Field, inputClass } from "@/components/forms/field";
import { listCapturedEmails, type CapturedEmail } from "@/lib/dev/smtp-capture";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { devToolsEnabled, getEnv } from "@/lib/env";
import { localeFromParams } from "@/lib/i18n/locale-param";
import { paths } from "@/lib/i18n/paths";
import { parseSearchParams, type SearchParams } from "@/lib/server/parse-search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const devMailInput = z.object({ to: z.string().trim().max(254).optional() });

/** The newest messages only: a long demo session captures many. */
const SHOWN = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFromParams(params);
  if (!devToolsEnabled(getEnv())) return {};
  const t = await getTranslations({ locale, namespace: "devMail" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

// Links in plain-text e-mail; only http(s), so nothing else ever becomes a clickable address.
const URL_RE = /https?:\/\/[^\s<>"]+/g;

/** Plain text with its web addresses as links (a sentence's closing punctuation stays text). */
function linkify(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index;
    out.push(text.slice(last, start));
    out.push(
      <a key={start} href={url} className="break-all">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  out.push(text.slice(last));
  return out;
}

/**
 * Development and demo only: the e-mail the local SMTP capture received (the worker writes each
 * message to MAIL_CAPTURE_DIR), so a demo user can open their sign-in link without a mail server.
 * No sign-in needed; in production mode the page does not exist (404), whatever else is set.
 */
export default async function DevMailPage({ params, searchParams }: Props) {
  const locale = await localeFromParams(params);
  if (!devToolsEnabled(getEnv())) notFound();
  setRequestLocale(locale);
  const [t, { input, values, fieldErrors }] = await Promise.all([
    getTranslations({ locale, namespace: "devMail" }),
    parseSearchParams(devMailInput, await searchParams, locale),
  ]);

  // Resolved at run time like the worker does (relative to where the app runs); not traced by the build.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.MAIL_CAPTURE_DIR ?? ".data/mail");
  let all: CapturedEmail[] = [];
  let unreadable = false;
  try {
    all = listCapturedEmails(dir);
  } catch (error) {
    console.error("[dev mail] could not read", dir, error);
    unreadable = true;
  }
  const to = input.to?.toLowerCase();
  const matching = to ? all.filter((m) => m.to.some((address) => address.toLowerCase().includes(to))) : all;
  const shown = matching.slice(0, SHOWN);

  return (
    <div className="container-page py-10 sm:py-12">
      <div role="note" className="mb-6 rounded border-l-4 border-warning bg-warning-soft p-4">
        <p className="font-bold text-warning">{t("devOnly")}</p>
        <p className="mt-1 text-base">{t("devOnlyText")}</p>
      </div>
      <h1 className="text-3xl sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
      <p className="mt-2 break-all text-base text-muted">{t("folder", { dir })}</p>

      <form
        method="get"
        action={paths.devMail(locale)}
        role="search"
        aria-label={t("filterLabel")}
        className="mt-8 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4 sm:p-5"
      >
        <div className="w-full max-w-xl">
          <Field id="to" label={t("toLabel")} hint={t("toHint")} errors={fieldErrors.to}>
            {(c) => (
              <input
                id={c.id}
                name="to"
                type="search"
                defaultValue={values.to ?? ""}
                maxLength={254}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={c.describedBy}
                aria-invalid={c.invalid || undefined}
                className={inputClass}
              />
            )}
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <button type="submit" className="button-primary">
            {t("submit")}
          </button>
          {to && <a href={paths.devMail(locale)}>{t("clear")}</a>}
        </div>
      </form>

      {unreadable ? (
        <p role="alert" className="mt-8 font-semibold text-danger">
          {t("unreadable")}
        </p>
      ) : matching.length === 0 ? (
        <p className="mt-8">{to ? t("noneFor", { to: input.to ?? "" }) : t("none")}</p>
      ) : (
        <>
          <p className="mt-8">
            {t("count", { count: matching.length })}
            {matching.length > shown.length && <> {t("showingNewest", { shown: shown.length })}</>}
          </p>
          <ol className="mt-4 grid gap-6">
            {shown.map((mail) => {
              const sent = new Date(mail.date);
              const valid = !Number.isNaN(sent.getTime());
              return (
                <li key={mail.id}>
                  <article aria-labelledby={`mail-${mail.id}`} className="rounded-lg border border-line p-5">
                    <h2 id={`mail-${mail.id}`} className="text-xl">
                      {mail.subject || t("noSubject")}
                    </h2>
                    <dl className="mt-3 grid gap-x-4 text-base sm:grid-cols-[max-content_1fr]">
                      <dt className="font-semibold sm:font-normal sm:text-muted">{t("to")}</dt>
                      <dd className="break-all">{mail.to.join(", ")}</dd>
                      <dt className="font-semibold sm:font-normal sm:text-muted">{t("from")}</dt>
                      <dd className="break-all">{mail.from}</dd>
                      <dt className="font-semibold sm:font-normal sm:text-muted">{t("sent")}</dt>
                      <dd>
                        {valid ? (
                          <time dateTime={sent.toISOString()}>
                            {formatStockholmDate(sent, locale)} {formatStockholmTime(sent, locale)}
                          </time>
                        ) : (
                          mail.date
                        )}
                      </dd>
                    </dl>
                    <h3 className="sr-only">{t("body")}</h3>
                    <pre className="mt-4 max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded bg-surface p-4 font-sans text-base" tabIndex={0}>
                      {linkify(mail.text)}
                    </pre>
                  </article>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
