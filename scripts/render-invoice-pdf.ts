/**
 * Writes sample billing PDFs, to look at while working on the layout:
 *
 *   npx tsx scripts/render-invoice-pdf.ts [DIR] [--png]
 *
 * DIR defaults to /tmp/verkstad-pdf. The samples (lib/pdf/samples.ts) are a consolidated invoice
 * with exempt education and two VAT rates, a 300-line invoice, a credit note and a receipt with a
 * refund, in Swedish and English. With --png each page is also rendered to PNG at 80 dpi
 * (pdftoppm from poppler-utils), e.g. invoice-sv-1.png.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderCreditNotePdf, renderInvoicePdf } from "../lib/pdf/invoice-pdf";
import { renderReceiptPdf } from "../lib/pdf/receipt-pdf";
import { sampleCreditNote, sampleInvoice, sampleLongInvoice, sampleReceipt } from "../lib/pdf/samples";

const args = process.argv.slice(2);
const png = args.includes("--png");
const dir = path.resolve(args.find((a) => !a.startsWith("--")) ?? "/tmp/verkstad-pdf");
mkdirSync(dir, { recursive: true });

const invoice = sampleInvoice();
const files: [string, Promise<Buffer>][] = [];
for (const locale of ["sv", "en"] as const) {
  files.push([`invoice-${locale}.pdf`, renderInvoicePdf(invoice, locale)]);
  files.push([`credit-note-${locale}.pdf`, renderCreditNotePdf(sampleCreditNote(invoice), locale)]);
  files.push([`receipt-${locale}.pdf`, renderReceiptPdf(sampleReceipt(), locale)]);
}
files.push(["invoice-300-lines-sv.pdf", renderInvoicePdf(sampleLongInvoice(300), "sv")]);

for (const [name, pdf] of files) {
  const file = path.join(dir, name);
  writeFileSync(file, await pdf);
  console.log(file);
  if (png) {
    const r = spawnSync("pdftoppm", ["-png", "-r", "80", file, file.replace(/\.pdf$/, "")], { encoding: "utf8" });
    if (r.error || r.status !== 0) throw new Error(`pdftoppm failed on ${name}: ${r.error?.message ?? r.stderr}`);
  }
}
