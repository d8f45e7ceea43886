import { PM_TEXT_FIELDS, type PmTextField } from "@/lib/domain/pm/compare";
import type { ReviewRevision } from "@/lib/server/pm/get-pm-for-review";

export type RevisionFieldsTexts = {
  labels: Record<PmTextField, string>;
  empty: string;
  attachment: string;
  noAttachment: string;
};

/** The file's address (the authorized download route) and its label, e.g. "plan.pdf (120 kB)". */
export type RevisionAttachmentLink = { href: string; label: string } | null;

/** One submitted version of a PM, field by field, as the participant wrote it. */
export function RevisionFields({
  revision,
  attachment,
  texts,
  headingLevel = 3,
  lang,
}: {
  revision: ReviewRevision;
  attachment: RevisionAttachmentLink;
  texts: RevisionFieldsTexts;
  headingLevel?: 3 | 4;
  /** The language the participant wrote in, when it differs from the page's. */
  lang?: string;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="grid gap-5">
      {PM_TEXT_FIELDS.map((field) => {
        const value = revision[field];
        return (
          <div key={field}>
            <Heading className="text-lg font-semibold">{texts.labels[field]}</Heading>
            {value ? <p className="mt-1 max-w-prose whitespace-pre-wrap" lang={lang}>
                {value}
              </p> : <p className="mt-1 text-muted">{texts.empty}</p>}
          </div>
        );
      })}
      <div>
        <Heading className="text-lg font-semibold">{texts.attachment}</Heading>
        <p className="mt-1">{attachment ? <a href={attachment.href}>{attachment.label}</a> : texts.noAttachment}</p>
      </div>
    </div>
  );
}
