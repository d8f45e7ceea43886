/** The e-mails billing queues: an invoice issued and a credit note issued, in both languages. */
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/mail/render";

const APP = "https://verkstad.example";

describe("billing e-mails", () => {
  it.each([
    ["sv", "Faktura F2031-00007 för Förbättringsverkstad 2031/32", /Att betala: 12\s000\skr/, "Förfallodag: 11 juni 2031", "https://verkstad.example/fakturor-och-kvitton"],
    ["en", "Invoice F2031-00007 for Förbättringsverkstad 2031/32", /Amount due: SEK\s12,000/, "Due date: 11 June 2031", "https://verkstad.example/en/invoices-and-receipts"],
  ] as const)("an issued invoice (%s) names the number, the amount, the due date and links to the invoices", (locale, subject, amount, due, link) => {
    const mail = renderEmail("invoice-issued", { number: "F2031-00007", workshop: "Förbättringsverkstad 2031/32", buyer: "Marks <kommun>", totalInclVatOre: 1_200_000, dueDate: "2031-06-11" }, locale, APP);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toMatch(amount);
    expect(mail.text).toContain(due);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain("Marks &lt;kommun&gt;");
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
    expect(mail.calendar).toBeNull();
  });

  it.each(["sv", "en"] as const)("a credit note (%s) names itself, the invoice it reduces and by how much", (locale) => {
    const mail = renderEmail("credit-note-issued", { number: "K2031-00002", invoiceNumber: "F2031-00007", workshop: "Förbättringsverkstad 2031/32", totalInclVatOre: 62_500 }, locale, APP);
    expect(mail.subject).toContain("K2031-00002");
    expect(mail.text).toContain("F2031-00007");
    expect(mail.text).toMatch(/625/);
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
  });
});
