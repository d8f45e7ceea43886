/**
 * The two files of an issued invoice or credit note, as a list of links: the PDF for people and the
 * Peppol e-invoice (UBL XML). The hidden suffix names the document, so a screen reader's list of
 * links says which invoice each one is (WCAG 2.4.4).
 */
export function DocumentLinks({
  kind,
  id,
  labels,
}: {
  kind: "invoices" | "credit-notes";
  id: string;
  labels: { pdf: string; ubl: string; suffix: string };
}) {
  return (
    <ul className="grid gap-1">
      {(["pdf", "ubl"] as const).map((format) => (
        <li key={format}>
          <a href={`/api/${kind}/${id}/${format}`} className="whitespace-nowrap">
            {labels[format]}
            <span className="sr-only"> {labels.suffix}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
