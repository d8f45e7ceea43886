/**
 * Cancelling a booking that was paid gives back what it cost, in the cancelling transaction:
 * a credit note that refers to the invoice (never an edit of the invoice: the database refuses it),
 * or a pending card refund; all of it on or before the cancellation day, the workshop's late share
 * after it. Every invoice and credit note this file issues is checked at the end with the official
 * Peppol BIS Billing 3.0 validator.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatOrgNumber, gapsInSeries, withCheckDigit, type CreditNoteDocument, type InvoiceDocument } from "@/lib/domain/invoicing";
import { runConsolidatedInvoicing } from "@/lib/server/billing/consolidated-invoicing";
import { loadInvoiceRecipientDefaults, payByInvoice, payByInvoiceInput } from "@/lib/server/billing/pay-by-invoice";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { cancelBooking, cancelBookingInput } from "@/lib/server/enrollment/cancel-booking";
import { confirmOrder } from "@/lib/server/enrollment/confirm-order";
import { peppolToolsMissing, skipPeppol, validateAll } from "../support/peppol";
import {
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createUser,
  createVenue,
  createWorkshop,
} from "../factories";

const now = new Date("2031-05-12T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
/** The day after the cancellation day (31 August 2031): only coordinators cancel now. */
const afterDeadline = new Date("2031-09-01T06:00:00Z");

let organiserId: string;
let venueId: string;
let lecturerId: string;
let coordinator: SessionUser;
let admin: SessionUser;
let orgSeq = 0;

beforeAll(async () => {
  organiserId = (await createOrganiser(db)).id;
  venueId = (await createVenue(db)).id;
  lecturerId = (await createLecturer(db)).id;
  coordinator = await person(["COORDINATOR"], null);
  admin = await person(["ADMIN"], null);
});

async function person(roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[], organisationId: string | null, name?: string): Promise<SessionUser> {
  const row = await createUser(db, { roles, organisationId, ...(name ? { name } : {}) });
  return (await loadSessionUser(row.id))!;
}

async function municipality() {
  orgSeq += 1;
  return createOrganisation(db, {
    name: `Kreditkommun ${orgSeq}`,
    type: "MEMBER_MUNICIPALITY",
    orgNumber: formatOrgNumber(withCheckDigit(`212${String(700 + orgSeq).padStart(6, "0")}`)),
    invoiceStreet: "Box 7",
    invoicePostal: "511 80",
    invoiceCity: "Kinna",
  });
}

async function world(options: { lateCancellationRefundPercent?: number; consolidatedInvoicing?: boolean } = {}) {
  const workshop = await createWorkshop(db, {
    organiserId,
    title: "Förbättringsverkstad 2031/32",
    startsOn: "2031-09-11",
    endsOn: "2032-03-18",
    pmDeadline: "2031-09-01",
    cancellationDeadline: "2031-08-31",
    followUpOn: "2032-09-16",
    lateCancellationRefundPercent: options.lateCancellationRefundPercent ?? 0,
    consolidatedInvoicing: options.consolidatedInvoicing ?? false,
  });
  const base = { workshopId: workshop.id, venueId };
  await createGathering(db, { ...base, date: "2031-09-11" });
  const exempt = await createLecture(db, { ...base, lecturerId, date: "2031-10-02", title: "Tillit & styrning", priceMemberOre: 190_000, vatRateBp: 0 });
  const taxed = await createLecture(db, { ...base, lecturerId, date: "2031-10-16", title: "Material och mätning", priceMemberOre: 100_001, vatRateBp: 2500 });
  const org = await municipality();
  const orderer = await person(["ORDERER", "PARTICIPANT"], org.id, "Olle Orderer");
  return { workshop, exempt, taxed, org, orderer };
}

async function book(user: SessionUser, values: { workshopId: string; kind: "LECTURE" | "PACKAGE"; lectureIds?: string[]; participantEmails?: string[]; includeSelf?: boolean }) {
  return bookSessions(user, bookSessionsInput.parse({ idempotencyKey: randomUUID(), ...values }), now);
}

async function payInvoice(user: SessionUser, orderId: string, at: Date = later(1)) {
  const recipient = await loadInvoiceRecipientDefaults(user, orderId);
  return payByInvoice(user, payByInvoiceInput.parse({ orderId, buyerReference: "REF-K", costCentre: "", recipient }), at);
}

/** A card payment as the Stripe webhook leaves it: a succeeded Payment and the order confirmed PAID. */
async function payCard(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.create({
      data: { orderId, amountOre: order.totalInclVatOre, status: "SUCCEEDED", paidAt: later(1), stripePaymentIntentId: `pi_${randomUUID()}` },
    });
    await confirmOrder(tx, orderId, later(1), "PAID");
    return payment;
  });
}

const cancel = (user: SessionUser, bookingId: string, at: Date) => cancelBooking(user, cancelBookingInput.parse({ bookingId }), at);
const bookingOf = async (orderId: string, lectureId: string | null) =>
  db.booking.findFirstOrThrow({ where: { orderId, ...(lectureId ? { lectureId } : { kind: "PACKAGE" }) } });

describe("cancelling an invoiced booking", () => {
  it("issues a credit note that refers to the invoice; the invoice is never changed, only its status", async () => {
    const { workshop, exempt, taxed, orderer } = await world();
    const placed = await book(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id, taxed.id] });
    const paid = await payInvoice(orderer, placed.orderId);
    const before = await db.invoice.findUniqueOrThrow({ where: { id: paid.invoiceId! }, include: { lines: true } });

    await cancel(orderer, (await bookingOf(placed.orderId, taxed.id)).id, later(60));
    const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: before.id }, include: { lines: { include: { invoiceLine: true } } } });
    // 1 000.01 kr + 25 % VAT (250.0025 → 250.00 kr).
    expect(note).toMatchObject({ series: "K2031", number: 1, displayNumber: "K2031-00001", totalExclVatOre: 100_001, totalVatOre: 25_000, totalInclVatOre: 125_001 });
    expect(note.lines).toHaveLength(1);
    expect(note.lines[0]?.invoiceLine.orderLineId).toBe((await db.orderLine.findFirstOrThrow({ where: { orderId: placed.orderId, lectureId: taxed.id } })).id);
    const doc = note.document as unknown as CreditNoteDocument;
    expect(doc).toMatchObject({ kind: "CREDIT_NOTE", number: "K2031-00001", invoiceReference: { number: paid.invoiceNumber, issueDate: "2031-05-12" }, sharePercent: 100 });
    expect(doc.reason).toBe("Avbokning: Material och mätning, Olle Orderer");
    expect(note.ublXml).toContain(`<cbc:ID>${paid.invoiceNumber}</cbc:ID>`);
    expect(note.ublXml).toContain("<cac:BillingReference>");

    const after = await db.invoice.findUniqueOrThrow({ where: { id: before.id }, include: { lines: true } });
    expect(after.status).toBe("PARTIALLY_CREDITED");
    expect({ ...after, status: "ISSUED" }).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "credit-note.issued", entityId: note.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invoice.status-changed", entityId: before.id } })).toBe(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: orderer.email, template: "credit-note-issued" } });
    expect(mail.payload).toMatchObject({ number: "K2031-00001", invoiceNumber: paid.invoiceNumber, totalInclVatOre: 125_001 });

    // The database refuses any change to what was issued (the trigger), whoever tries.
    await expect(db.invoice.update({ where: { id: before.id }, data: { totalInclVatOre: 1 } })).rejects.toThrow(/never changed/);
    await expect(db.invoice.update({ where: { id: before.id }, data: { buyerReference: "NY" } })).rejects.toThrow(/never changed/);
    await expect(db.invoiceLine.update({ where: { id: before.lines[0]!.id }, data: { unitPriceOre: 1 } })).rejects.toThrow(/never changed/);
    await expect(db.invoice.delete({ where: { id: before.id } })).rejects.toThrow();
    await expect(db.creditNote.update({ where: { id: note.id }, data: { reason: "x" } })).rejects.toThrow(/never changed/);
    await expect(db.creditNoteLine.delete({ where: { id: note.lines[0]!.id } })).rejects.toThrow(/never changed/);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: before.id }, include: { lines: true } })).toEqual(after);

    // The last booking of the invoice: credited in full.
    await cancel(orderer, (await bookingOf(placed.orderId, exempt.id)).id, later(61));
    const notes = await db.creditNote.findMany({ where: { invoiceId: before.id }, orderBy: { number: "asc" } });
    expect(notes.map((n) => n.displayNumber)).toEqual(["K2031-00001", "K2031-00002"]);
    expect(notes.reduce((s, n) => s + n.totalInclVatOre, 0)).toBe(before.totalInclVatOre);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: before.id } })).status).toBe("CREDITED");
  });

  it("after the cancellation day credits the workshop's share (50 %), rounded down; at 0 % nothing", async () => {
    const half = await world({ lateCancellationRefundPercent: 50 });
    const placed = await book(half.orderer, { workshopId: half.workshop.id, kind: "LECTURE", lectureIds: [half.taxed.id, half.exempt.id] });
    const paid = await payInvoice(half.orderer, placed.orderId);
    await cancel(coordinator, (await bookingOf(placed.orderId, half.taxed.id)).id, afterDeadline);
    const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: paid.invoiceId! }, include: { lines: true } });
    // 1 000.01 kr × 50 % = 500.005 → 500.00 kr, + 25 % VAT.
    expect(note).toMatchObject({ totalExclVatOre: 50_000, totalVatOre: 12_500, totalInclVatOre: 62_500 });
    expect(note.lines[0]).toMatchObject({ quantity: 1, unitPriceOre: 50_000 });
    expect((note.document as unknown as CreditNoteDocument).reason).toBe("Sen avbokning: Material och mätning, Olle Orderer. 50 % av priset krediteras.");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: paid.invoiceId! } })).status).toBe("PARTIALLY_CREDITED");

    const none = await world({ lateCancellationRefundPercent: 0 });
    const other = await book(none.orderer, { workshopId: none.workshop.id, kind: "LECTURE", lectureIds: [none.exempt.id] });
    const otherPaid = await payInvoice(none.orderer, other.orderId);
    await cancel(coordinator, (await bookingOf(other.orderId, none.exempt.id)).id, afterDeadline);
    expect(await db.creditNote.count({ where: { invoiceId: otherPaid.invoiceId! } })).toBe(0);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: otherPaid.invoiceId! } })).status).toBe("ISSUED");
    expect((await bookingOf(other.orderId, none.exempt.id)).status).toBe("CANCELLED");
  });

  it("two bookings of one consolidated invoice cancelled at once: two credit notes, consecutive numbers", async () => {
    const { workshop, exempt, org, orderer } = await world({ consolidatedInvoicing: true });
    const colleagues = [await person(["PARTICIPANT"], org.id, "Anna Andersson"), await person(["PARTICIPANT"], org.id, "Björn Öberg")];
    const placed = await book(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id], participantEmails: colleagues.map((c) => c.email), includeSelf: false });
    await payInvoice(orderer, placed.orderId);
    const run = await runConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(5));
    expect(run.invoices).toHaveLength(1);
    const bookings = await db.booking.findMany({ where: { orderId: placed.orderId } });
    await Promise.all(bookings.map((b) => cancel(orderer, b.id, later(30))));
    const notes = await db.creditNote.findMany({ where: { invoiceId: run.invoices[0]!.id } });
    expect(notes).toHaveLength(2);
    expect(gapsInSeries((await db.creditNote.findMany({ select: { number: true } })).map((n) => n.number))).toEqual([]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: run.invoices[0]!.id } })).status).toBe("CREDITED");
  });

  it("a package bought as an upgrade gives back what its invoice charged: the package less the lectures' credit", async () => {
    const { workshop, exempt, orderer } = await world();
    const lecture = await book(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });
    await payInvoice(orderer, lecture.orderId);
    const upgrade = await book(orderer, { workshopId: workshop.id, kind: "PACKAGE" });
    const paid = await payInvoice(orderer, upgrade.orderId, later(2));
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: paid.invoiceId! } });
    const lines = (invoice.document as unknown as InvoiceDocument).lines;
    expect(lines.map((l) => [l.quantity, l.unitPriceOre, l.lineExclVatOre])).toEqual([
      [1, 1_200_000, 1_200_000],
      [-1, 190_000, -190_000],
    ]);
    expect(invoice.totalInclVatOre).toBe(1_010_000);

    await cancel(orderer, (await bookingOf(upgrade.orderId, null)).id, later(60));
    const note = await db.creditNote.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(note.totalInclVatOre).toBe(1_010_000);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("CREDITED");
  });
});

describe("cancelling a booking paid by card", () => {
  it("records a pending refund of the booking's line incl. VAT on or before the cancellation day", async () => {
    const { workshop, exempt, taxed, orderer } = await world();
    const placed = await book(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id, taxed.id] });
    const payment = await payCard(placed.orderId);
    const booking = await bookingOf(placed.orderId, taxed.id);
    await cancel(orderer, booking.id, later(60));
    const refund = await db.refund.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(refund).toMatchObject({ paymentId: payment.id, amountOre: 125_001, status: "PENDING", creditNoteId: null });
    expect(await db.auditEvent.count({ where: { action: "refund.recorded", entityId: refund.id } })).toBe(1);
    expect(await db.creditNote.count({ where: { invoice: { workshopId: workshop.id } } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PAID");

    // The other booking too: together never more than was paid.
    const rest = await bookingOf(placed.orderId, exempt.id);
    await cancel(orderer, rest.id, later(61));
    const refunds = await db.refund.findMany({ where: { paymentId: payment.id } });
    expect(refunds.reduce((s, r) => s + r.amountOre, 0)).toBe(payment.amountOre);
  });

  it("after the cancellation day refunds the late share (50 %, rounded down); at 0 % nothing", async () => {
    const half = await world({ lateCancellationRefundPercent: 50 });
    const placed = await book(half.orderer, { workshopId: half.workshop.id, kind: "LECTURE", lectureIds: [half.taxed.id] });
    await payCard(placed.orderId);
    const booking = await bookingOf(placed.orderId, half.taxed.id);
    await cancel(coordinator, booking.id, afterDeadline);
    // 1 250.01 kr paid, 50 % = 625.005 → 625.00 kr.
    expect(await db.refund.findUniqueOrThrow({ where: { bookingId: booking.id } })).toMatchObject({ amountOre: 62_500, status: "PENDING" });

    const none = await world({ lateCancellationRefundPercent: 0 });
    const other = await book(none.orderer, { workshopId: none.workshop.id, kind: "LECTURE", lectureIds: [none.taxed.id] });
    await payCard(other.orderId);
    const otherBooking = await bookingOf(other.orderId, none.taxed.id);
    await cancel(coordinator, otherBooking.id, afterDeadline);
    expect(await db.refund.count({ where: { bookingId: otherBooking.id } })).toBe(0);
  });

  it("an unpaid booking has nothing to give back", async () => {
    const { workshop, exempt, orderer } = await world();
    const placed = await book(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });
    const booking = await bookingOf(placed.orderId, exempt.id);
    await cancel(orderer, booking.id, later(5));
    expect(await db.refund.count({ where: { bookingId: booking.id } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("CANCELLED");
  });
});

// ── Every invoice and credit note this file issued passes Peppol BIS Billing 3.0 ────────────────

const dir = mkdtempSync(path.join(os.tmpdir(), "verkstad-credit-notes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe.skipIf(skipPeppol)(`Peppol BIS Billing 3.0 validation of every document issued here${skipPeppol ? ` (skipped: ${peppolToolsMissing})` : ""}`, () => {
  it("credit notes (whole, a late share, an upgraded package with its negative line) and their invoices: 0 fatal", { timeout: 600_000 }, async () => {
    const [invoices, notes] = await Promise.all([
      db.invoice.findMany({ select: { displayNumber: true, ublXml: true } }),
      db.creditNote.findMany({ select: { displayNumber: true, ublXml: true } }),
    ]);
    expect(notes.length).toBeGreaterThanOrEqual(6);
    const files = [...invoices, ...notes].map((d) => {
      const file = path.join(dir, `${d.displayNumber}.xml`);
      writeFileSync(file, d.ublXml);
      return file;
    });
    const output = await validateAll(files);
    console.log(output.replaceAll(`${dir}/`, ""));
    for (const file of files) expect(output).toMatch(new RegExp(`RESULT ${file.replaceAll(".", "\\.")}: VALID \\(0 fatal`));
    expect(output).not.toContain("FATAL");
  });
});
