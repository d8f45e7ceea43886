import "./globals.css";

/**
 * Reached only for addresses outside the localized pages (the proxy sends every page address
 * into app/[locale]); there is no language to go by, so it speaks Swedish and English.
 * Plain links on purpose: this boundary is part of every page, and next/link would add its
 * client code to every page's first load.
 */
export default function GlobalNotFound() {
  return (
    <html lang="sv">
      <body>
        <main className="container-page py-16">
          <h1 className="text-3xl">Sidan finns inte</h1>
          <p className="mt-4">Vi hittar inte sidan du söker.</p>
          <p className="mt-4" lang="en">
            Page not found.
          </p>
          <p className="mt-6">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: no client code for a link */}
            <a href="/">Gå till kalendariet</a> ·{" "}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: no client code for a link */}
            <a href="/en" lang="en">
              Go to the calendar
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
