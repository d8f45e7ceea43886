"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { alternatePath } from "@/lib/i18n/alternate-path";
import { paths, withQuery } from "@/lib/i18n/paths";
import type { AppLocale } from "@/lib/i18n/routing";

/*
 * Header pieces that depend on the address shown in the browser. They read it on the client:
 * after a server action redirects, the server renders the layout with the request of the form it
 * posted, so a path computed on the server would be the form's page, not the new one.
 */

/**
 * A navigation link marked aria-current when it is the page shown (exactly, or a page under it
 * that no other link of the menu owns: `except`, or a page under one of `also`).
 */
export function NavLink({
  href,
  match,
  except = [],
  also = [],
  className,
  children,
}: {
  href: string;
  match: "exact" | "prefix";
  except?: readonly string[];
  /** Pages under these addresses are this link's too. */
  also?: readonly string[];
  className: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const under = (base: string) => pathname === base || pathname.startsWith(`${base}/`);
  const current = (match === "exact" ? pathname === href : under(href) && !except.some(under)) || also.some((base) => pathname.startsWith(`${base}/`));
  return (
    <a href={href} aria-current={current ? "page" : undefined} className={className}>
      {children}
    </a>
  );
}

/** "In English" for a signed-out reader: the same page in the other language. */
export function LanguageLink({ from, to, label, className }: { from: AppLocale; to: AppLocale; label: string; className: string }) {
  const pathname = usePathname();
  return (
    <a href={alternatePath(pathname, from, to)} hrefLang={to} lang={to} className={className}>
      {label}
    </a>
  );
}

/** "Sign in", coming back to this page afterwards. */
export function SignInLink({ locale, label, className }: { locale: AppLocale; label: string; className: string }) {
  const pathname = usePathname();
  const signIn = paths.signIn(locale);
  return (
    <a href={withQuery(signIn, { callbackUrl: pathname === signIn ? undefined : pathname })} className={className}>
      {label}
    </a>
  );
}
