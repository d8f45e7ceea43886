"use client";

import { usePathname } from "next/navigation";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import type { SessionHeader } from "@/app/api/session-header/route";
import { NavLink } from "@/components/layout/current-path";
import { exceptFor, type NavItem } from "@/components/layout/nav-item";
import { withQuery } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";

/*
 * The signed-in part of the header on pages served from the cache to everyone (the public
 * calendar): the page arrives as for a visitor, then this asks /api/session-header once and,
 * for someone signed in, shows their name, the language switch and sign-out, and their menu.
 * The forms are loaded only then, so a visitor's browser never downloads them.
 */

const LanguageSwitchForm = lazy(() => import("@/components/layout/language-switch-form").then((m) => ({ default: m.LanguageSwitchForm })));
const SignOutButton = lazy(() => import("@/components/auth/sign-out-button").then((m) => ({ default: m.SignOutButton })));

let request: Promise<SessionHeader> | null = null;
function loadSessionHeader(locale: AppLocale): Promise<SessionHeader> {
  request ??= fetch(`/api/session-header?locale=${locale}`, { credentials: "same-origin", cache: "no-store" })
    .then((res) => (res.ok ? (res.json() as Promise<SessionHeader>) : { signedIn: false as const }))
    .catch(() => ({ signedIn: false as const }));
  return request;
}

function useSessionHeader(locale: AppLocale): SessionHeader | null {
  const [header, setHeader] = useState<SessionHeader | null>(null);
  useEffect(() => {
    let live = true;
    void loadSessionHeader(locale).then((h) => live && setHeader(h));
    return () => {
      live = false;
    };
  }, [locale]);
  return header;
}

/** Sign-in and "In English" (the server-rendered children) until someone turns out to be signed in. */
export function HeaderSessionControls({
  locale,
  other,
  labels,
  children,
}: {
  locale: AppLocale;
  other: AppLocale;
  labels: { languageSwitch: string; signOut: string; signingOut: string; calendarHref: string };
  children: ReactNode;
}) {
  const header = useSessionHeader(locale);
  const pathname = usePathname();
  const incomplete = header?.signedIn === true && !header.profileComplete;
  useEffect(() => {
    // A first sign-in completes the profile before anything else (the layout does this on the server elsewhere).
    if (incomplete && header?.signedIn) window.location.replace(withQuery(header.accountHref, { next: pathname }));
  }, [incomplete, header, pathname]);
  if (!header?.signedIn) return <>{children}</>;
  return <SignedInControls other={other} signedInAs={header.signedInAs} labels={labels} />;
}

/**
 * Language switch (a form: the choice is kept on the profile and used for e-mails), who is signed
 * in, and sign-out. Its two forms are separate chunks, loaded only where someone is signed in.
 */
export function SignedInControls({
  other,
  signedInAs,
  labels,
}: {
  other: AppLocale;
  signedInAs: string;
  labels: { languageSwitch: string; signOut: string; signingOut: string; calendarHref: string };
}) {
  return (
    <Suspense fallback={<span className="text-base text-muted">{signedInAs}</span>}>
      <LanguageSwitchForm locale={other} label={labels.languageSwitch} />
      <span className="text-base text-muted">{signedInAs}</span>
      <SignOutButton label={labels.signOut} pendingLabel={labels.signingOut} callbackUrl={labels.calendarHref} />
    </Suspense>
  );
}

/** The signed-in person's menu items after "Kalender", as the server would list them. */
export function HeaderSessionNav({ locale, leading, className }: { locale: AppLocale; leading: NavItem[]; className: string }) {
  const header = useSessionHeader(locale);
  if (!header?.signedIn) return null;
  const all = [...leading, ...header.items];
  return (
    <>
      {header.items.map((item) => (
        <li key={item.href}>
          <NavLink href={item.href} match={item.match} except={exceptFor(item, all)} className={className}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </>
  );
}
