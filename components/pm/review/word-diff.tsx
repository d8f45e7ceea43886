import type { WordPart } from "@/lib/domain/pm/compare";

export type WordDiffTexts = { deletedStart: string; deletedEnd: string; insertedStart: string; insertedEnd: string };

/**
 * A field's word-level changes. Removed words are <del> (struck through), added words <ins>
 * (underlined), and each carries words for screen readers, so neither colour nor styling alone
 * tells the change (WCAG 1.4.1, 1.3.1).
 */
export function WordDiff({ parts, texts, lang }: { parts: WordPart[]; texts: WordDiffTexts; lang?: string }) {
  return (
    <p className="whitespace-pre-wrap" lang={lang}>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "del" ? (
          <del key={i} className="bg-danger-soft text-ink decoration-2">
            <span className="sr-only">{texts.deletedStart} </span>
            {part.text}
            <span className="sr-only"> {texts.deletedEnd} </span>
          </del>
        ) : (
          <ins key={i} className="bg-gathering-soft text-ink underline decoration-2">
            <span className="sr-only">{texts.insertedStart} </span>
            {part.text}
            <span className="sr-only"> {texts.insertedEnd} </span>
          </ins>
        ),
      )}
    </p>
  );
}
