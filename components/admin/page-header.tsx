import type { ReactNode } from "react";

/**
 * The top of a staff page: an optional link back up (above the heading, so it is read first),
 * the page's one h1, and an optional introduction.
 */
export function PageHeader({ back, title, titleLang, intro }: { back?: { href: string; text: string }; title: ReactNode; titleLang?: string; intro?: ReactNode }) {
  return (
    <>
      {back && (
        <p className="mb-4">
          <a href={back.href}>{back.text}</a>
        </p>
      )}
      <h1 lang={titleLang} className="text-3xl sm:text-4xl">
        {title}
      </h1>
      {intro && <p className="mt-4 max-w-prose text-lg">{intro}</p>}
    </>
  );
}
