/**
 * Sample Peppol BIS Billing 3.0 files, from a fresh demo database, for anyone to validate:
 *
 *   npm run invoices:samples -- DIR [--validate] [--keep-db]
 *
 * Makes a throwaway database (scripts/support/throwaway-db.ts: an embedded PostgreSQL in
 * .data/samples-pg, or a new database on the server of DATABASE_URL; never the demo's .data/pg),
 * migrates it, seeds the demo (prisma/seed.ts), then creates each case through the real use cases
 * (bookSessions, payByInvoice, runConsolidatedInvoicing, cancelBooking) and writes each document's
 * stored UBL, byte for byte as issued, to DIR:
 *
 *   01-single-lecture-non-member-vat25.xml  a participant of a non-member organisation pays one lecture by invoice
 *   02-package-member-price.xml             an orderer books the whole workshop for a colleague, member price
 *   03-exempt-vat-line-and-vat25-line.xml   an exempt lecture (education, VAT category E) beside a 25 % one
 *   04-consolidated-3-participants.xml      the admin's consolidated run: 3 orders, 3 participants, one buyer reference
 *   05-credit-note.xml                      a booking on the consolidated invoice cancelled: credit note referring to it
 *
 * The demo prices everything VAT-exempt; in the throwaway copy one lecture ("Utvärdera insatser i
 * socialtjänsten") is set to 25 % VAT first (hence "vat25" in the names), the full lecture gets one
 * more seat (a package takes a seat in every lecture), a few named colleagues are added to Borås stad
 * and the demo workshop is switched to consolidated invoicing before case 4. `now` is fixed at
 * 2026-12-01 10:00 Stockholm (before the demo's cancellation day), so the documents are the same
 * on every run except for database ids. --validate runs ../shared/peppol/validate.sh on the files.
 *
 * The use cases start with `import "server-only"`, which throws outside Next.js: the npm script
 * loads scripts/support/server-only-off.mjs, which makes it an empty module (as the Vitest config does).
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db, getDb } from "@/lib/db";
import type { InvoiceDocument } from "@/lib/domain/invoicing/document";
import { runConsolidatedInvoicing } from "@/lib/server/billing/consolidated-invoicing";
import { loadInvoiceRecipientDefaults, payByInvoice, payByInvoiceInput } from "@/lib/server/billing/pay-by-invoice";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { cancelBooking, cancelBookingInput } from "@/lib/server/enrollment/cancel-booking";
import { DEMO_WORKSHOP_SLUG } from "@/prisma/demo-data";
import { seedDemo } from "@/prisma/seed";
import { createUser } from "@/tests/factories";
import { createThrowawayDb } from "./support/throwaway-db";

export type InvoiceSample = {
  file: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  number: string;
  /** One line for people: what the sample shows. */
  about: string;
};

/** Before the demo's cancellation day (2026-12-31) and its first lecture (2027-01-28). */
export const SAMPLES_NOW = new Date("2026-12-01T09:00:00Z");

const root = path.resolve(import.meta.dirname, "..");
export const PEPPOL_VALIDATOR = path.resolve(root, "../shared/peppol/validate.sh");

/**
 * Creates the five cases in the database of DATABASE_URL, which must hold the demo data as seeded
 * and nothing billed yet, and writes their UBL files into `dir`. Returns them in order.
 */
export async function writeInvoiceSamples(dir: string, now: Date = SAMPLES_NOW): Promise<InvoiceSample[]> {
  mkdirSync(dir, { recursive: true });
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const person = async (email: string): Promise<SessionUser> => {
    const row = await db.user.findUnique({ where: { email }, select: { id: true } });
    const user = row ? await loadSessionUser(row.id) : null;
    if (!user) throw new Error(`The demo has no user ${email}: is this a freshly seeded demo database?`);
    return user;
  };
  const workshop = await db.workshop.findUnique({
    where: { slug: DEMO_WORKSHOP_SLUG },
    select: { id: true, title: true, packagePriceMemberOre: true, lectures: { select: { id: true, slug: true, capacity: true, seatsTaken: true, status: true } } },
  });
  if (!workshop) throw new Error(`The demo workshop ${DEMO_WORKSHOP_SLUG} is missing: is this a freshly seeded demo database?`);
  if ((await db.invoice.count()) > 0) throw new Error("This database has invoices already: the samples need a freshly seeded demo database.");
  const lecture = (slug: string) => {
    const found = workshop.lectures.find((l) => l.slug === slug);
    if (!found) throw new Error(`The demo has no lecture ${slug}`);
    return found;
  };

  // ── Adjustments of the throwaway demo data ───────────────────────────────────────────────────
  // The demo prices every lecture and the package exempt from VAT; one lecture at 25 % shows a taxed line.
  const taxed = lecture("utvardera-insatser");
  await db.lecture.update({ where: { id: taxed.id }, data: { vatRateBp: 2500 } });
  // A package takes a seat in every published lecture, and the demo fills one of them to the last seat.
  for (const l of workshop.lectures.filter((l) => l.status === "PUBLISHED" && l.seatsTaken >= l.capacity)) {
    await db.lecture.update({ where: { id: l.id }, data: { capacity: l.seatsTaken + 1 } });
  }
  const boras = await person("chef.boras@verkstad.test");
  const colleague = async (name: string, email: string) =>
    createUser(db, { name, email, title: "Socialsekreterare", roles: ["PARTICIPANT"], organisationId: boras.organisationId, locale: "sv" });
  const eva = await colleague("Eva Ström", "eva.strom@boras.verkstad.test");
  const ali = await colleague("Ali Hassan", "ali.hassan@boras.verkstad.test");
  const britt = await colleague("Britt Nilsson", "britt.nilsson@boras.verkstad.test");
  const jonas = await colleague("Jonas Berg", "jonas.berg@boras.verkstad.test");

  const book = (user: SessionUser, values: { kind: "LECTURE" | "PACKAGE"; lectureIds?: string[]; participantEmails?: string[]; includeSelf?: boolean }, at: Date) =>
    bookSessions(user, bookSessionsInput.parse({ workshopId: workshop.id, idempotencyKey: randomUUID(), ...values }), at);
  const pay = async (user: SessionUser, orderId: string, details: { buyerReference: string; costCentre?: string; address?: Partial<Record<"street" | "postalCode" | "city", string>> }, at: Date) => {
    const defaults = await loadInvoiceRecipientDefaults(user, orderId);
    // What the orderer types where the organisation has no invoice address on file.
    const recipient = { ...defaults, ...Object.fromEntries(Object.entries(details.address ?? {}).filter(([k]) => !defaults[k as keyof typeof defaults])) };
    return payByInvoice(user, payByInvoiceInput.parse({ orderId, buyerReference: details.buyerReference, costCentre: details.costCentre ?? "", recipient }), at);
  };
  const samples: InvoiceSample[] = [];
  const writeInvoice = async (invoiceId: string | null, file: string, about: string, check: (doc: InvoiceDocument) => string | null) => {
    if (!invoiceId) throw new Error(`${file}: no invoice was issued`);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { displayNumber: true, ublXml: true, document: true } });
    const problem = check(invoice.document as unknown as InvoiceDocument);
    if (problem) throw new Error(`${file} (${invoice.displayNumber}) is not what it should show: ${problem}`);
    writeFileSync(path.join(dir, file), invoice.ublXml);
    samples.push({ file: path.join(dir, file), kind: "INVOICE", number: invoice.displayNumber, about });
  };
  const categories = (doc: InvoiceDocument) => [...new Set(doc.lines.map((l) => `${l.vatCategory}${l.vatRateBp / 100}`))].sort().join("+");

  // 1. A single lecture, non-member price, 25 % VAT: a participant of an interest organisation pays by invoice.
  const lena = await person("deltagare6@verkstad.test");
  const single = await book(lena, { kind: "LECTURE", lectureIds: [taxed.id] }, minutes(0));
  const paid1 = await pay(lena, single.orderId, { buyerReference: "Lena Björk", address: { street: "Box 55", postalCode: "503 31", city: "Borås" } }, minutes(2));
  await writeInvoice(paid1.invoiceId, "01-single-lecture-non-member-vat25.xml", "one lecture at the non-member price, 25 % VAT (Lena Björk, Brukarrådet Sjuhärad)", (doc) =>
    doc.lines.length === 1 && categories(doc) === "S25" && doc.totals.vatOre > 0 ? null : `expected one 25 % line, got ${doc.lines.length} (${categories(doc)})`,
  );

  // 2. The whole workshop at the member price: an orderer of a member municipality books it for a colleague.
  const pkg = await book(boras, { kind: "PACKAGE", participantEmails: [eva.email], includeSelf: false }, minutes(10));
  const paid2 = await pay(boras, pkg.orderId, { buyerReference: "Karin Sjöberg", costCentre: "4410" }, minutes(12));
  await writeInvoice(paid2.invoiceId, "02-package-member-price.xml", "the whole workshop at the member price, for a colleague (Borås stad)", (doc) =>
    doc.lines.length === 1 && doc.lines[0]!.unitPriceOre === workshop.packagePriceMemberOre ? null : "expected one line at the package's member price",
  );

  // 3. An exempt line (education, category E with its exemption reason) beside a 25 % line, member prices.
  const exempt = lecture("att-skriva-ett-projekt-pm");
  const mixed = await book(boras, { kind: "LECTURE", lectureIds: [exempt.id, taxed.id] }, minutes(20));
  const paid3 = await pay(boras, mixed.orderId, { buyerReference: "Karin Sjöberg", costCentre: "4410" }, minutes(22));
  await writeInvoice(paid3.invoiceId, "03-exempt-vat-line-and-vat25-line.xml", "an exempt lecture (VAT category E) beside a 25 % lecture, member prices", (doc) =>
    categories(doc) === "E0+S25" ? null : `expected an exempt and a 25 % line, got ${categories(doc)}`,
  );

  // 4. Consolidated invoicing: several invoice-paid orders with one buyer reference, then the admin's run.
  await db.workshop.update({ where: { id: workshop.id }, data: { consolidatedInvoicing: true } });
  const reference = { buyerReference: "Socialförvaltningen 8812" };
  const orders = [
    await book(boras, { kind: "LECTURE", lectureIds: [lecture("brukarmedverkan-i-utvecklingsarbete").id], participantEmails: [ali.email, britt.email], includeSelf: false }, minutes(30)),
    await book(boras, { kind: "LECTURE", lectureIds: [taxed.id], participantEmails: [jonas.email], includeSelf: false }, minutes(31)),
    await book(boras, { kind: "LECTURE", lectureIds: [lecture("implementering-och-spridning").id], participantEmails: [britt.email, jonas.email], includeSelf: false }, minutes(32)),
  ];
  for (const [i, order] of orders.entries()) {
    const paid = await pay(boras, order.orderId, reference, minutes(33 + i));
    if (paid.invoiceId) throw new Error("the workshop invoices in a consolidated run, yet paying issued an invoice");
  }
  const run = await runConsolidatedInvoicing(await person("admin@verkstad.test"), { workshopId: workshop.id }, minutes(60));
  if (run.invoices.length !== 1 || run.skipped.length > 0) {
    throw new Error(`the consolidated run should issue one invoice, got ${run.invoices.length} (skipped: ${JSON.stringify(run.skipped)})`);
  }
  await writeInvoice(run.invoices[0]!.id, "04-consolidated-3-participants.xml", "consolidated run: 3 orders, 3 participants of Borås stad, one buyer reference", (doc) => {
    const participants = new Set(doc.lines.map((l) => l.note));
    return doc.lines.length === 5 && participants.size === 3 ? null : `expected 5 lines for 3 participants, got ${doc.lines.length} for ${participants.size}`;
  });

  // 5. A credit note: the orderer cancels one participant's booking from the consolidated invoice.
  const jonasTaxed = await db.booking.findFirstOrThrow({ where: { orderId: orders[1]!.orderId, participantId: jonas.id }, select: { id: true } });
  await cancelBooking(boras, cancelBookingInput.parse({ bookingId: jonasTaxed.id, reason: "Förhinder" }), minutes(90));
  const creditNote = await db.creditNote.findFirst({
    where: { lines: { some: { invoiceLine: { orderLine: { bookingId: jonasTaxed.id } } } } },
    select: { displayNumber: true, ublXml: true, invoice: { select: { displayNumber: true } } },
  });
  if (!creditNote) throw new Error("cancelling an invoiced booking produced no credit note");
  writeFileSync(path.join(dir, "05-credit-note.xml"), creditNote.ublXml);
  samples.push({
    file: path.join(dir, "05-credit-note.xml"),
    kind: "CREDIT_NOTE",
    number: creditNote.displayNumber,
    about: `credit note for one cancelled booking (25 % line) on consolidated invoice ${creditNote.invoice.displayNumber}`,
  });
  return samples;
}

/** Runs the Peppol BIS Billing 3.0 validator on the files; null when its tools are missing. */
export function validateSamples(files: readonly string[]): { status: number; output: string } | null {
  if (!existsSync(PEPPOL_VALIDATOR)) return null;
  const r = spawnSync("bash", [PEPPOL_VALIDATOR, "-q", ...files], { encoding: "utf8" });
  if (r.error) return null;
  return { status: r.status ?? 2, output: `${r.stdout}${r.stderr}` };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { validate: { type: "boolean", default: false }, "keep-db": { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) {
    console.error("usage: npm run invoices:samples -- DIR [--validate] [--keep-db]");
    return 2;
  }
  const dir = path.resolve(positionals[0]!);
  const log = (line: string) => console.error(`[samples] ${line}`);
  const scratch = await createThrowawayDb({ purpose: "samples", embeddedDataDir: ".data/samples-pg", log });
  let ok = false;
  try {
    log(`fresh demo database: ${scratch.label}`);
    // lib/db reads DATABASE_URL on first use: from here on every use case works in the throwaway database.
    process.env.DATABASE_URL = scratch.url;
    const counts = await seedDemo(getDb());
    log(`seeded the demo: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
    const samples = await writeInvoiceSamples(dir);
    for (const s of samples) console.log(`${s.file}\t${s.number}\t${s.about}`);
    ok = true;
    if (values.validate) {
      log(`validating with ${path.relative(process.cwd(), PEPPOL_VALIDATOR)}…`);
      const result = validateSamples(samples.map((s) => s.file));
      if (!result) {
        log("the validator or its tools are missing (bash ../shared/peppol/install.sh)");
        return 2;
      }
      console.log(result.output.trim());
      return result.status;
    }
    return 0;
  } finally {
    await getDb().$disconnect();
    await scratch.dispose({ keep: values["keep-db"] && ok });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
