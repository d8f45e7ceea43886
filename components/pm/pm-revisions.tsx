import type { PmTexts } from "@/lib/domain/pm/form";
import type { PmDecision } from "@/lib/domain/pm/machine";

export type RevisionItem = {
  number: number;
  heading: string;
  late: string | null;
  texts: PmTexts;
  file: { name: string; href: string } | null;
  reviews: { decision: PmDecision; line: string; comment: string }[];
};

type Texts = Record<"heading" | "none" | "comments" | "noComments" | "method" | "empty" | "file" | "titleLabel" | "needLabel" | "backgroundPurposeLabel" | "workplaceLabel" | "unitLabel", string>;

/** The participant's submitted versions, newest first, each with the coordinators' comments. */
export function PmRevisions({ items, texts, lang }: { items: RevisionItem[]; texts: Texts; lang?: string }) {
  return (
    <section aria-labelledby="pm-revisions-heading" className="mt-12">
      <h2 id="pm-revisions-heading" className="text-2xl">
        {texts.heading}
      </h2>
      {items.length === 0 ? (
        <p className="mt-4">{texts.none}</p>
      ) : (
        <ol className="mt-4 grid gap-8">
          {items.map((item) => (
            <li key={item.number} className="rounded border-2 border-surface p-4">
              <h3 className="text-xl">{item.heading}</h3>
              {item.late && <p className="mt-1 text-muted">{item.late}</p>}
              <dl className="mt-4 grid gap-3" lang={lang}>
                {(
                  [
                    ["titleLabel", item.texts.title],
                    ["needLabel", item.texts.need],
                    ["backgroundPurposeLabel", item.texts.backgroundPurpose],
                    ["method", item.texts.method],
                    ["workplaceLabel", item.texts.workplace],
                    ["unitLabel", item.texts.unit],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label}>
                    <dt className="font-semibold">{texts[label]}</dt>
                    <dd className="whitespace-pre-line">{value ? value : texts.empty}</dd>
                  </div>
                ))}
                {item.file && (
                  <div>
                    <dt className="font-semibold">{texts.file}</dt>
                    <dd>
                      <a href={item.file.href}>{item.file.name}</a>
                    </dd>
                  </div>
                )}
              </dl>
              <h4 className="mt-4 text-lg">{texts.comments}</h4>
              {item.reviews.length === 0 ? (
                <p>{texts.noComments}</p>
              ) : (
                <ul className="mt-2 grid gap-3">
                  {item.reviews.map((review, i) => (
                    <li key={i} className="border-l-4 border-brand pl-3">
                      <p className="font-semibold">{review.line}</p>
                      {review.comment && <p className="whitespace-pre-line">{review.comment}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
