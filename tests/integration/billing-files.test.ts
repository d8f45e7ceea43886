/**
 * Downloading invoices, credit notes (PDF and UBL) and card receipts through the real route
 * handlers: the person who placed the order gets them, an admin gets them, everyone else (the
 * participant on the invoice who did not order, a participant of another order, a coordinator)
 * gets the same 404 as for an id that does not exist; nobody signed in gets 401. The invoice and
 * credit note rows are made here the way billing issues them (domain document + buildInvoiceXml),
 * with their lines linked to real order lines of real bookings; the PDF must come from the stored
 * document and the UBL must be the stored XML, byte for byte.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as creditNotePdf } from "@/app/api/credit-notes/[creditNoteId]/pdf/route";
import { GET as creditNoteUbl } from "@/app/api/credit-notes/[creditNoteId]/ubl/route";
import { GET as invoicePdf } from "@/app/api/invoices/[invoiceId]/pdf/route";
import { GET as invoiceUbl } from "@/app/api/invoices/[invoiceId]/ubl/route";
import { GET as receipt } from "@/app/api/payments/[paymentId]/receipt/route";
import { db } from "@/lib/db";
import { createCreditNoteDocument, createInvoiceDocument, type InvoiceDocument } from "@/lib/domain/invoicing";
import { localDateToDateColumn } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentStatus } from "@/lib/generated/prisma/enums";
import { buildCreditNoteXml, buildInvoiceXml } from "@/lib/peppol/ubl";
import {
  createBooking,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createUser,
  createVenue,
  createWorkshop,
} from "@/tests/factories";
import { signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

type Person = { id: string };
let people: { orderer: Person; staff: Person; payer: Person; coordinator: Person; admin: Person };
let ids: { invoice: string; creditNote: string; payment: string; failedPayment: string; pendingPayment: string; refundedPayment: string };
let stored: { invoiceXml: string; creditNoteXml: string };

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

beforeAll(async () => {
  const organiser = await createOrganiser(db, { name: "FoU Sjuhärad Välfärd", bankgiro: "5050-1055", phone: "033-35 70 00" });
  const borås = await createOrganisation(db, {
    name: "Borås Stad", orgNumber: "212000-1561", peppolEndpoint: "0007:2120001561",
    invoiceStreet: "Box 100", invoicePostal: "501 80", invoiceCity: "Borås",
  });
  const workshop = await createWorkshop(db, {
    organiserId: organiser.id, title: "Förbättringsverkstad 2030/31",
    startsOn: "2031-01-16", endsOn: "2031-06-12", pmDeadline: "2031-01-09", cancellationDeadline: "2031-01-02", followUpOn: "2031-12-11",
  });
  const venue = await createVenue(db);
  const lecturer = await createLecturer(db);
  const lecture = (date: string, title: string) =>
    createLecture(db, { workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id, date, title, priceMemberOre: 190_000, priceNonMemberOre: 240_000 });
  const tillit = await lecture("2031-02-06", "Tillit och styrning");
  const matning = await lecture("2031-03-13", "Att mäta förbättring");

  people = {
    orderer: await createUser(db, { roles: ["ORDERER"], organisationId: borås.id, name: "Olle Chef" }),
    staff: await createUser(db, { roles: ["PARTICIPANT"], organisationId: borås.id, name: "Anna Andersson" }),
    payer: await createUser(db, { roles: ["PARTICIPANT"], name: "Bo Betalare" }),
    coordinator: await createUser(db, { roles: ["COORDINATOR"], name: "Cecilia Samordnare" }),
    admin: await createUser(db, { roles: ["ADMIN"], name: "Ada Admin", locale: "en" }),
  };

  // ── An invoice-paid order: the orderer booked two lectures for a member of staff ──
  const invoiceOrder = await db.order.create({
    data: {
      reference: "V-2031-000001", workshopId: workshop.id, placedById: people.orderer.id, organisationId: borås.id,
      status: "INVOICED", paymentMethod: "INVOICE", buyerReference: "SOC-4711", costCentre: "Kst 4410",
      totalExclVatOre: 380_000, totalVatOre: 0, totalInclVatOre: 380_000,
    },
  });
  const orderLines: { id: string; description: string }[] = [];
  for (const l of [tillit, matning]) {
    const booking = await createBooking(db, {
      kind: "LECTURE", workshopId: workshop.id, lectureId: l.id, participantId: people.staff.id, bookedById: people.orderer.id, orderId: invoiceOrder.id,
    });
    orderLines.push(
      await db.orderLine.create({
        data: {
          orderId: invoiceOrder.id, kind: "LECTURE", bookingId: booking.id, lectureId: l.id, description: `Föreläsning: ${l.title}`,
          priceTier: "MEMBER", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0, lineExclVatOre: 190_000, vatOre: 0,
        },
      }),
    );
  }
  const document: InvoiceDocument = createInvoiceDocument({
    number: "F2031-00001",
    issueDate: "2031-01-08",
    paymentTermsDays: organiser.paymentTermsDays,
    paymentTermsText: `${organiser.paymentTermsDays} dagar netto`,
    seller: {
      name: organiser.name, orgNumber: organiser.orgNumber, vatNumber: organiser.vatNumber, peppolEndpoint: organiser.peppolEndpoint,
      address: { street: organiser.streetAddress, postalCode: organiser.postalCode, city: organiser.city, countryCode: organiser.countryCode },
      bankgiro: organiser.bankgiro, email: organiser.email, phone: organiser.phone, fTaxApproved: organiser.fTaxApproved,
    },
    buyer: {
      name: borås.name, orgNumber: borås.orgNumber!, peppolEndpoint: borås.peppolEndpoint,
      address: { street: borås.invoiceStreet!, postalCode: borås.invoicePostal!, city: borås.invoiceCity!, countryCode: "SE" },
    },
    buyerReference: invoiceOrder.buyerReference!,
    accountingCost: invoiceOrder.costCentre,
    lines: [tillit, matning].map((l, i) => ({
      description: orderLines[i]!.description, note: "Deltagare: Anna Andersson", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0,
      period: { start: i === 0 ? "2031-02-06" : "2031-03-13", end: i === 0 ? "2031-02-06" : "2031-03-13" },
    })),
  });
  stored = { invoiceXml: buildInvoiceXml(document), creditNoteXml: "" };
  const invoice = await db.invoice.create({
    data: {
      series: "F2031", number: 1, displayNumber: document.number, organisationId: borås.id, workshopId: workshop.id,
      buyerReference: document.buyerReference, costCentre: document.accountingCost ?? null,
      issueDate: localDateToDateColumn(document.issueDate), dueDate: localDateToDateColumn(document.dueDate),
      totalExclVatOre: document.totals.taxExclusiveOre, totalVatOre: document.totals.vatOre, totalInclVatOre: document.totals.payableOre,
      sellerSnapshot: json(document.seller), buyerSnapshot: json(document.buyer), ublXml: stored.invoiceXml, document: json(document),
      lines: {
        create: document.lines.map((l, i) => ({
          orderLineId: orderLines[i]!.id, position: i + 1, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre,
          vatRateBp: l.vatRateBp, lineExclVatOre: l.lineExclVatOre, vatOre: l.vatOre,
        })),
      },
    },
    include: { lines: { orderBy: { position: "asc" } } },
  });

  // ── A credit note for the second lecture ──
  const credit = createCreditNoteDocument({
    number: "K2031-00001", issueDate: "2031-01-20", invoice: document, invoiceLineIds: ["2"], reason: "Avbokning av Föreläsning: Att mäta förbättring",
  });
  stored.creditNoteXml = buildCreditNoteXml(credit);
  const creditNote = await db.creditNote.create({
    data: {
      series: "K2031", number: 1, displayNumber: credit.number, invoiceId: invoice.id, reason: credit.reason,
      issueDate: localDateToDateColumn(credit.issueDate), totalExclVatOre: credit.totals.taxExclusiveOre, totalVatOre: credit.totals.vatOre,
      totalInclVatOre: credit.totals.payableOre, ublXml: stored.creditNoteXml, document: json(credit),
      lines: {
        create: credit.lines.map((l, i) => ({
          invoiceLineId: invoice.lines[1]!.id, position: i + 1, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre,
          vatRateBp: l.vatRateBp, lineExclVatOre: l.lineExclVatOre, vatOre: l.vatOre,
        })),
      },
    },
  });

  // ── A card-paid order placed by a participant for themselves, and its payments ──
  const cardOrder = await db.order.create({
    data: {
      reference: "V-2031-000002", workshopId: workshop.id, placedById: people.payer.id, status: "PAID", paymentMethod: "CARD",
      totalExclVatOre: 240_000, totalVatOre: 0, totalInclVatOre: 240_000,
    },
  });
  const cardBooking = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: tillit.id, participantId: people.payer.id, orderId: cardOrder.id });
  await db.orderLine.create({
    data: {
      orderId: cardOrder.id, kind: "LECTURE", bookingId: cardBooking.id, lectureId: tillit.id, description: "Föreläsning: Tillit och styrning",
      priceTier: "NON_MEMBER", quantity: 1, unitPriceOre: 240_000, vatRateBp: 0, lineExclVatOre: 240_000, vatOre: 0,
    },
  });
  const payment = (status: PaymentStatus, n: number) =>
    db.payment.create({
      data: {
        orderId: cardOrder.id, stripeCheckoutSessionId: `cs_test_${n}`, stripePaymentIntentId: status === "SUCCEEDED" || status.includes("REFUNDED") ? `pi_test_${n}` : null,
        amountOre: 240_000, refundedOre: status === "REFUNDED" ? 240_000 : 0, status,
        paidAt: status === "FAILED" || status === "PENDING" ? null : new Date("2031-01-08T13:32:00Z"),
      },
    });
  const paid = await payment("SUCCEEDED", 1);
  const failed = await payment("FAILED", 2);
  const pending = await payment("PENDING", 3);
  const refunded = await payment("REFUNDED", 4);
  await db.refund.create({ data: { paymentId: refunded.id, stripeRefundId: "re_test_1", amountOre: 240_000, status: "SUCCEEDED", reason: "Avbokning" } });

  ids = {
    invoice: invoice.id, creditNote: creditNote.id,
    payment: paid.id, failedPayment: failed.id, pendingPayment: pending.id, refundedPayment: refunded.id,
  };
});

afterEach(() => signInAs(null));

const request = (path: string) => new Request(`http://localhost:3000${path}`);
const get = {
  invoicePdf: (id: string, query = "") => invoicePdf(request(`/api/invoices/${id}/pdf${query}`), { params: Promise.resolve({ invoiceId: id }) }),
  invoiceUbl: (id: string) => invoiceUbl(request(`/api/invoices/${id}/ubl`), { params: Promise.resolve({ invoiceId: id }) }),
  creditNotePdf: (id: string, query = "") => creditNotePdf(request(`/api/credit-notes/${id}/pdf${query}`), { params: Promise.resolve({ creditNoteId: id }) }),
  creditNoteUbl: (id: string) => creditNoteUbl(request(`/api/credit-notes/${id}/ubl`), { params: Promise.resolve({ creditNoteId: id }) }),
  receipt: (id: string, query = "") => receipt(request(`/api/payments/${id}/receipt${query}`), { params: Promise.resolve({ paymentId: id }) }),
};

/** Every download of the fixtures, as [name, call]. */
const all = () =>
  [
    ["invoice PDF", () => get.invoicePdf(ids.invoice)],
    ["invoice UBL", () => get.invoiceUbl(ids.invoice)],
    ["credit note PDF", () => get.creditNotePdf(ids.creditNote)],
    ["credit note UBL", () => get.creditNoteUbl(ids.creditNote)],
    ["receipt", () => get.receipt(ids.payment)],
  ] as const;

async function pdf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const body = Buffer.from(await response.arrayBuffer());
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(response.headers.get("content-length")).toBe(String(body.length));
  // The info dictionary and catalog are not compressed: the title (a string object) and language read as they are.
  return body.toString("latin1");
}

async function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("");
  expect(response.headers.get("content-disposition")).toBeNull();
}

describe("the person who placed the order", () => {
  it("downloads the invoice as a PDF drawn from the stored document, in their language or the one asked for", async () => {
    signInAs(people.orderer);
    const response = await get.invoicePdf(ids.invoice);
    expect(response.headers.get("content-disposition")).toBe('inline; filename="F2031-00001.pdf"');
    const sv = await pdf(response);
    expect(sv).toContain("(Faktura F2031-00001)");
    expect(sv).toContain("/Lang (sv-SE)");
    const en = await pdf(await get.invoicePdf(ids.invoice, "?locale=en"));
    expect(en).toContain("(Invoice F2031-00001)");
    expect(en).toContain("/Lang (en-GB)");
    // An unknown language falls back to the person's own.
    expect(await pdf(await get.invoicePdf(ids.invoice, "?locale=de"))).toContain("/Lang (sv-SE)");
  });

  it("downloads the invoice's e-invoice: exactly the stored UBL", async () => {
    signInAs(people.orderer);
    const response = await get.invoiceUbl(ids.invoice);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="F2031-00001.xml"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const xml = await response.text();
    expect(xml).toBe(stored.invoiceXml);
    expect(xml).toContain("<cbc:ID>F2031-00001</cbc:ID>");
  });

  it("downloads the credit note as PDF and UBL", async () => {
    signInAs(people.orderer);
    const response = await get.creditNotePdf(ids.creditNote);
    expect(response.headers.get("content-disposition")).toBe('inline; filename="K2031-00001.pdf"');
    expect(await pdf(response)).toContain("(Kreditfaktura K2031-00001)");
    const ubl = await get.creditNoteUbl(ids.creditNote);
    expect(ubl.status).toBe(200);
    expect(ubl.headers.get("content-disposition")).toBe('attachment; filename="K2031-00001.xml"');
    expect(await ubl.text()).toBe(stored.creditNoteXml);
  });

  it("downloads the receipt of a card payment, also once it was refunded", async () => {
    signInAs(people.payer);
    const response = await get.receipt(ids.payment);
    expect(response.headers.get("content-disposition")).toBe('inline; filename="kvitto-V-2031-000002.pdf"');
    expect(await pdf(response)).toContain("(Kvitto V-2031-000002)");
    const en = await get.receipt(ids.payment, "?locale=en");
    expect(en.headers.get("content-disposition")).toBe('inline; filename="receipt-V-2031-000002.pdf"');
    expect(await pdf(en)).toContain("(Receipt V-2031-000002)");
    await pdf(await get.receipt(ids.refundedPayment));
  });

  it("gets no receipt for a payment that failed or still waits", async () => {
    signInAs(people.payer);
    await expectNotFound(await get.receipt(ids.failedPayment));
    await expectNotFound(await get.receipt(ids.pendingPayment));
  });
});

describe("an admin", () => {
  it("downloads every one of them, in the admin's own language", async () => {
    signInAs(people.admin);
    for (const [name, call] of all()) {
      const response = await call();
      expect(response.status, name).toBe(200);
    }
    expect(await pdf(await get.invoicePdf(ids.invoice))).toContain("(Invoice F2031-00001)");
    expect(await (await get.invoiceUbl(ids.invoice)).text()).toBe(stored.invoiceXml);
    await expectNotFound(await get.receipt(ids.failedPayment));
  });
});

describe("anyone else", () => {
  it("gets 404 for every download: the participant on the invoice who did not order it, another order's payer, a coordinator", async () => {
    for (const person of [people.staff, people.payer, people.coordinator]) {
      signInAs(person);
      for (const [name, call] of all()) {
        if (person === people.payer && name === "receipt") continue; // their own
        const response = await call();
        expect(response.status, `${name} for ${person.id}`).toBe(404);
        expect(await response.text()).toBe("");
      }
    }
    // The orderer's own invoice does not make the other order's receipt theirs.
    signInAs(people.orderer);
    await expectNotFound(await get.receipt(ids.payment));
  });

  it("gets 404 for an id that does not exist or is not an id, as for one that is not theirs", async () => {
    signInAs(people.admin);
    const unknown = "cl0000000000000000000000";
    await expectNotFound(await get.invoicePdf(unknown));
    await expectNotFound(await get.invoiceUbl(unknown));
    await expectNotFound(await get.creditNotePdf(unknown));
    await expectNotFound(await get.creditNoteUbl(unknown));
    await expectNotFound(await get.receipt(unknown));
    await expectNotFound(await get.invoicePdf("../../etc/passwd"));
    // An invoice id is not a credit note id, nor a payment id.
    await expectNotFound(await get.creditNotePdf(ids.invoice));
    await expectNotFound(await get.receipt(ids.invoice));
  });

  it("gets 401 when not signed in", async () => {
    signInAs(null);
    for (const [name, call] of all()) {
      const response = await call();
      expect(response.status, name).toBe(401);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});
