import { paragraphs } from "@/lib/domain/calendar";

/** Plain text from the database, one <p> per paragraph; line breaks inside a paragraph are kept. */
export function TextBlock({ text, className = "", lang }: { text: string | null | undefined; className?: string; lang?: string }) {
  const parts = paragraphs(text);
  if (parts.length === 0) return null;
  return (
    <div lang={lang} className={`space-y-4 ${className}`}>
      {parts.map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}
