/**
 * Invoices against a real PostgreSQL: paying by invoice at checkout (order INVOICED, bookings
 * confirmed, invoice F<year>-00001 and on, gap-free also when an issue is rolled back or two run at
 * once), and the admin's consolidated invoicing run (one invoice per organisation and buyer
 * reference, nothing twice, not even with two runs at once). Every invoice this file issues is
 * checked at the end with the official Peppol BIS Billing 3.0 validator.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatOrgNumber, gapsInSeries, parseDocumentNumber, withCheckDigit, type InvoiceDocument } from "@/lib/domain/invoicing";
import { AppError } from "@/lib/errors";
import { previewConsolidatedInvoicing, runConsolidatedInvoicing } from "@/lib/server/billing/consolidated-invoicing";
import { issueInvoice } from "@/lib/server/billing/issue-invoice";
import { loadInvoiceRecipientDefaults, payByInvoice, payByInvoiceInput, type PayByInvoiceInput } from "@/lib/server/billing/pay-by-invoice";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { cancelBooking, cancelBookingInput } from "@/lib/server/enrollment/cancel-booking";
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

let organiserId: string;
let venueId: string;
let lecturerId: string;
let admin: SessionUser;
let orgSeq = 0;

beforeAll(async () => {
  organiserId = (await createOrganiser(db, { paymentTermsDays: 30 })).id;
  venueId = (await createVenue(db)).id;
  lecturerId = (await createLecturer(db)).id;
  admin = await person(["ADMIN"], null);
});

async function person(roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[], organisationId: string | null, name?: string): Promise<SessionUser> {
  const row = await createUser(db, { roles, organisationId, ...(name ? { name } : {}) });
  return (await loadSessionUser(row.id))!;
}

/** A member municipality with a valid (Luhn) org number and an invoice address. */
async function municipality(name: string) {
  orgSeq += 1;
  const digits = withCheckDigit(`212${String(500 + orgSeq).padStart(6, "0")}`);
  return createOrganisation(db, {
    name: `${name} ${orgSeq}`,
    type: "MEMBER_MUNICIPALITY",
    orgNumber: formatOrgNumber(digits),
    invoiceStreet: "Box 100",
    invoicePostal: "50180",
    invoiceCity: "Borås",
    invoiceEmail: "faktura@kommun.test",
  });
}

async function world(options: { consolidatedInvoicing?: boolean; lateCancellationRefundPercent?: number } = {}) {
  const workshop = await createWorkshop(db, {
    organiserId,
    title: "Förbättringsverkstad 2031/32",
    startsOn: "2031-09-11",
    endsOn: "2032-03-18",
    pmDeadline: "2031-09-01",
    cancellationDeadline: "2031-08-31",
    followUpOn: "2032-09-16",
    packageCapacity: 40,
    packagePriceMemberOre: 1_200_000,
    packagePriceNonMemberOre: 1_600_000,
    packageVatRateBp: 0,
    consolidatedInvoicing: options.consolidatedInvoicing ?? false,
    lateCancellationRefundPercent: options.lateCancellationRefundPercent ?? 0,
  });
  const base = { workshopId: workshop.id, venueId };
  await createGathering(db, { ...base, date: "2031-09-11" });
  const exempt = await createLecture(db, { ...base, lecturerId, date: "2031-10-02", title: "Tillit & styrning", priceMemberOre: 190_000, priceNonMemberOre: 240_000, vatRateBp: 0 });
  const taxed = await createLecture(db, { ...base, lecturerId, date: "2031-10-16", title: "Material och mätning", priceMemberOre: 100_001, priceNonMemberOre: 120_000, vatRateBp: 2500 });
  return { workshop, exempt, taxed };
}

async function order(orderer: SessionUser, values: { workshopId: string; kind: "LECTURE" | "PACKAGE"; lectureIds?: string[]; participantEmails?: string[]; includeSelf?: boolean }) {
  return bookSessions(orderer, bookSessionsInput.parse({ idempotencyKey: randomUUID(), ...values }), now);
}

async function payInput(orderer: SessionUser, orderId: string, over: { buyerReference?: string; costCentre?: string } = {}): Promise<PayByInvoiceInput> {
  const defaults = await loadInvoiceRecipientDefaults(orderer, orderId);
  return payByInvoiceInput.parse({ orderId, buyerReference: over.buyerReference ?? "REF-4711", costCentre: over.costCentre ?? "", recipient: defaults });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const invoiceRow = (id: string) =>
  db.invoice.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { position: "asc" }, include: { orderLine: true } } } });

describe("paying by invoice at checkout", () => {
  it("confirms the order (INVOICED), stores the invoice details and issues F2031-00001; the next invoice is F2031-00002", async () => {
    const { workshop, exempt } = await world();
    const boras = await municipality("Borås Stad");
    const orderer = await person(["ORDERER", "PARTICIPANT"], boras.id, "Olle Orderer");
    const placed = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });

    const input = await payInput(orderer, placed.orderId, { buyerReference: "  Socialförvaltningen 8812 ", costCentre: "Kst 4410" });
    expect(input.recipient).toMatchObject({ name: boras.name, postalCode: "501 80", peppolEndpoint: `0007:${boras.orgNumber!.replace("-", "")}` });
    const result = await payByInvoice(orderer, input, later(2));
    expect(result).toMatchObject({ orderId: placed.orderId, reference: placed.reference, invoiceNumber: "F2031-00001" });

    const stored = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { bookings: true } });
    expect(stored).toMatchObject({ status: "INVOICED", paymentMethod: "INVOICE", buyerReference: "Socialförvaltningen 8812", costCentre: "Kst 4410" });
    expect(stored.invoiceRecipient).toMatchObject({ name: boras.name, city: "Borås", email: "faktura@kommun.test" });
    expect(stored.bookings.map((b) => b.status)).toEqual(["CONFIRMED"]);

    const invoice = await invoiceRow(result.invoiceId!);
    expect(invoice).toMatchObject({
      series: "F2031", number: 1, displayNumber: "F2031-00001", organisationId: boras.id, workshopId: workshop.id, status: "ISSUED",
      buyerReference: "Socialförvaltningen 8812", costCentre: "Kst 4410", totalExclVatOre: 190_000, totalVatOre: 0, totalInclVatOre: 190_000,
    });
    expect(invoice.issueDate.toISOString().slice(0, 10)).toBe("2031-05-12");
    expect(invoice.dueDate.toISOString().slice(0, 10)).toBe("2031-06-11");
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines[0]).toMatchObject({ position: 1, description: "Tillit & styrning", quantity: 1, unitPriceOre: 190_000, vatRateBp: 0, lineExclVatOre: 190_000, vatOre: 0 });
    expect(invoice.lines[0]?.orderLine.orderId).toBe(placed.orderId);
    const document = invoice.document as unknown as InvoiceDocument;
    expect(document).toMatchObject({ kind: "INVOICE", number: "F2031-00001", buyerReference: "Socialförvaltningen 8812", accountingCost: "Kst 4410" });
    expect(document.lines[0]).toMatchObject({ note: "Deltagare: Olle Orderer", period: { start: "2031-10-02", end: "2031-10-02" }, vatCategory: "E" });
    expect(invoice.ublXml).toContain("<cbc:ID>F2031-00001</cbc:ID>");
    expect(invoice.ublXml).toContain("<cbc:BuyerReference>Socialförvaltningen 8812</cbc:BuyerReference>");
    expect(await db.auditEvent.count({ where: { action: "invoice.issued", entityId: invoice.id, actorId: orderer.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "order.invoice-chosen", entityId: placed.orderId } })).toBe(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: orderer.email, template: "invoice-issued" } });
    expect(mail.payload).toMatchObject({ number: "F2031-00001", totalInclVatOre: 190_000, dueDate: "2031-06-11" });

    // The next one: the whole workshop at the member price for two colleagues.
    const colleague = await person(["PARTICIPANT"], boras.id, "Cecilia Colleague");
    const pkg = await order(orderer, { workshopId: workshop.id, kind: "PACKAGE", participantEmails: [colleague.email], includeSelf: false });
    const second = await payByInvoice(orderer, await payInput(orderer, pkg.orderId), later(3));
    expect(second.invoiceNumber).toBe("F2031-00002");
    const pkgInvoice = await invoiceRow(second.invoiceId!);
    expect(pkgInvoice).toMatchObject({ totalInclVatOre: 1_200_000, costCentre: null });
    expect((pkgInvoice.document as unknown as InvoiceDocument).lines[0]).toMatchObject({
      description: "Förbättringsverkstad 2031/32", note: "Deltagare: Cecilia Colleague", unitPriceOre: 1_200_000, period: { start: "2031-09-11", end: "2032-03-18" },
    });
  });

  it("a 25 % lecture: VAT per breakdown on the invoice, the line's share on the invoice line", async () => {
    const { workshop, exempt, taxed } = await world();
    const org = await municipality("Marks kommun");
    const orderer = await person(["ORDERER", "PARTICIPANT"], org.id, "Maja Moms");
    const colleague = await person(["PARTICIPANT"], org.id, "Kalle Kollega");
    const placed = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id, taxed.id], participantEmails: [colleague.email] });
    const result = await payByInvoice(orderer, await payInput(orderer, placed.orderId), later(1));
    const invoice = await invoiceRow(result.invoiceId!);
    // 2 × 1 000.01 kr at 25 %: per breakdown 2 000.02 × 25 % = 500.005 → 500.01 kr; per line 250.0025 → 250.00 each.
    expect(invoice).toMatchObject({ totalExclVatOre: 2 * 190_000 + 2 * 100_001, totalVatOre: 50_001 });
    expect(invoice.lines.filter((l) => l.vatRateBp === 2500).map((l) => l.vatOre).sort()).toEqual([25_000, 25_001]);
    expect(invoice.lines.map((l) => (invoice.document as unknown as InvoiceDocument).lines[l.position - 1]?.note)).toEqual(
      expect.arrayContaining(["Deltagare: Maja Moms", "Deltagare: Kalle Kollega"]),
    );
  });

  it("gives the number back when the issuing transaction rolls back: the series has no gap", async () => {
    const { workshop, exempt } = await world();
    const org = await municipality("Ulricehamns kommun");
    const orderer = await person(["ORDERER", "PARTICIPANT"], org.id);
    const first = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });
    const input = await payInput(orderer, first.orderId);
    await payByInvoice(orderer, input, later(1));
    const before = await db.numberSeries.findUniqueOrThrow({ where: { code: "F2031" } });

    // An issue that fails after it took its number (the transaction then throws): nothing is kept.
    const second = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id], participantEmails: [`gap-${randomUUID()}@kommun.test`], includeSelf: false });
    const lines = await db.orderLine.findMany({ where: { orderId: second.orderId }, select: { id: true } });
    await db.order.update({ where: { id: second.orderId }, data: { paymentMethod: "INVOICE", status: "INVOICED" } });
    let taken = "";
    await expect(
      db.$transaction(async (tx) => {
        const issued = await issueInvoice(tx, {
          workshopId: workshop.id, organisationId: org.id, buyerReference: "REF", costCentre: null, recipient: input.recipient,
          orderLineIds: lines.map((l) => l.id), now: later(2), actorId: orderer.id,
        });
        taken = issued.displayNumber;
        throw new Error("the rest of the transaction failed");
      }),
    ).rejects.toThrow("the rest of the transaction failed");
    expect(taken).toBe(`F2031-${String(before.nextValue).padStart(5, "0")}`);
    expect(await db.invoice.count({ where: { displayNumber: taken } })).toBe(0);
    expect((await db.numberSeries.findUniqueOrThrow({ where: { code: "F2031" } })).nextValue).toBe(before.nextValue);

    // A payment refused half-way (the hold has run out and the seat is gone) takes no number either.
    const third = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id], participantEmails: [`late-${randomUUID()}@kommun.test`], includeSelf: false });
    await db.booking.updateMany({ where: { orderId: third.orderId }, data: { status: "EXPIRED", activeSessionKey: null } });
    expect((await failure(payByInvoice(orderer, await payInput(orderer, third.orderId), later(3)))).code).toBe("CONFLICT");
    expect((await db.order.findUniqueOrThrow({ where: { id: third.orderId } })).paymentMethod).toBeNull();

    const issued = await db.$transaction((tx) =>
      issueInvoice(tx, { workshopId: workshop.id, organisationId: org.id, buyerReference: "REF", costCentre: null, recipient: input.recipient, orderLineIds: lines.map((l) => l.id), now: later(4), actorId: null }),
    );
    expect(issued.displayNumber).toBe(taken);
    const numbers = (await db.invoice.findMany({ where: { series: "F2031" }, select: { number: true } })).map((i) => i.number);
    expect(gapsInSeries(numbers)).toEqual([]);
  });

  it("two invoices issued at the same moment get two consecutive numbers", async () => {
    const { workshop, exempt } = await world();
    const org = await municipality("Tranemo kommun");
    const a = await person(["ORDERER", "PARTICIPANT"], org.id);
    const b = await person(["ORDERER", "PARTICIPANT"], org.id);
    const [oa, ob] = [await order(a, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] }), await order(b, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] })];
    const [ia, ib] = [await payInput(a, oa.orderId), await payInput(b, ob.orderId)];
    const results = await Promise.all([payByInvoice(a, ia, later(1)), payByInvoice(b, ib, later(1))]);
    const numbers = results.map((r) => parseDocumentNumber(r.invoiceNumber!).number).sort((x, y) => x - y);
    expect(numbers[1]! - numbers[0]!).toBe(1);
    expect(gapsInSeries((await db.invoice.findMany({ select: { number: true } })).map((i) => i.number))).toEqual([]);
  });

  it("refuses someone else's order (NOT_FOUND), an order paid already (CONFLICT) and an org number with a wrong check digit", async () => {
    const { workshop, exempt } = await world();
    const org = await municipality("Bollebygds kommun");
    const orderer = await person(["ORDERER", "PARTICIPANT"], org.id);
    const stranger = await person(["ORDERER", "PARTICIPANT"], org.id);
    const placed = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });
    const input = await payInput(orderer, placed.orderId);
    expect((await failure(payByInvoice(stranger, input, later(1)))).code).toBe("NOT_FOUND");
    expect((await failure(loadInvoiceRecipientDefaults(stranger, placed.orderId))).code).toBe("NOT_FOUND");
    await payByInvoice(orderer, input, later(1));
    expect((await failure(payByInvoice(orderer, input, later(2)))).code).toBe("CONFLICT");
    expect(await db.invoice.count({ where: { lines: { some: { orderLine: { orderId: placed.orderId } } } } })).toBe(1);

    const bad = payByInvoiceInput.safeParse({
      orderId: placed.orderId, buyerReference: " ", costCentre: "x".repeat(101),
      recipient: { name: "Kommun", orgNumber: "212000-1562", peppolEndpoint: "0088:123", street: "Box 1", postalCode: "5018", city: "Borås", email: "nej" },
    });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      buyerReference: "required", costCentre: "tooLong", "recipient.orgNumber": "invalidOrgNumber", "recipient.peppolEndpoint": "invalidPeppolEndpoint",
      "recipient.postalCode": "invalidPostalCode", "recipient.email": "invalidEmail",
    });
  });

  it("leaves the invoice to the consolidated run when the workshop says so", async () => {
    const { workshop, exempt } = await world({ consolidatedInvoicing: true });
    const org = await municipality("Svenljunga kommun");
    const orderer = await person(["ORDERER", "PARTICIPANT"], org.id);
    const placed = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });
    const result = await payByInvoice(orderer, await payInput(orderer, placed.orderId), later(1));
    expect(result).toMatchObject({ invoiceId: null, invoiceNumber: null });
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("INVOICED");
    expect(await db.invoice.count({ where: { workshopId: workshop.id } })).toBe(0);
  });
});

describe("the consolidated invoicing run", () => {
  async function consolidatedWorld() {
    const w = await world({ consolidatedInvoicing: true, lateCancellationRefundPercent: 50 });
    const org = await municipality("Marks kommun");
    const orderer = await person(["ORDERER", "PARTICIPANT"], org.id, "Olga Orderer");
    const names = ["Anna Andersson", "Björn Öberg", "Cecilia Åkesson", "David Dahl"];
    const people = [];
    for (const name of names) people.push(await person(["PARTICIPANT"], org.id, name));
    return { ...w, org, orderer, people };
  }

  it("issues one invoice per organisation and buyer reference; a second run issues nothing", async () => {
    const { workshop, exempt, taxed, org, orderer, people } = await consolidatedWorld();
    const other = await municipality("Herrljunga kommun");
    const otherOrderer = await person(["ORDERER", "PARTICIPANT"], other.id, "Hugo Herrljunga");
    // Three participants with reference REF-A over two orders (with different cost centres), one with REF-B.
    const a1 = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id, taxed.id], participantEmails: [people[0]!.email, people[1]!.email], includeSelf: false });
    await payByInvoice(orderer, await payInput(orderer, a1.orderId, { buyerReference: "REF-A", costCentre: "Kst 4410" }), later(1));
    const a2 = await order(orderer, { workshopId: workshop.id, kind: "PACKAGE", participantEmails: [people[2]!.email], includeSelf: false });
    await payByInvoice(orderer, await payInput(orderer, a2.orderId, { buyerReference: "REF-A", costCentre: "Kst 4420" }), later(2));
    const b = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id], participantEmails: [people[3]!.email], includeSelf: false });
    await payByInvoice(orderer, await payInput(orderer, b.orderId, { buyerReference: "REF-B" }), later(3));
    const c = await order(otherOrderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [taxed.id] });
    await payByInvoice(otherOrderer, await payInput(otherOrderer, c.orderId, { buyerReference: "H-1" }), later(4));

    const preview = await previewConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(5));
    expect(preview.groups.map((g) => [g.organisationName, g.buyerReference, g.bookings, g.problems])).toEqual([
      [other.name, "H-1", 1, []],
      [org.name, "REF-A", 5, []],
      [org.name, "REF-B", 1, []],
    ]);
    // REF-A: 2 × 1 900 + 2 × 1 000.01 (+ 500.01 VAT per breakdown) + 12 000 kr.
    expect(preview.groups[1]?.totalInclVatOre).toBe(2 * 190_000 + 2 * 100_001 + 50_001 + 1_200_000);

    const run = await runConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(6));
    expect(run.skipped).toEqual([]);
    expect(run.invoices.map((i) => [i.organisationName, i.buyerReference, i.totalInclVatOre])).toEqual(preview.groups.map((g) => [g.organisationName, g.buyerReference, g.totalInclVatOre]));
    const refA = await invoiceRow(run.invoices[1]!.id);
    expect(refA.lines).toHaveLength(5);
    const doc = refA.document as unknown as InvoiceDocument;
    expect(doc.note).toBe("Samlingsfaktura: Förbättringsverkstad 2031/32");
    // Two cost centres on one invoice: each line carries its own (BT-133), the document none (BT-19).
    expect(doc.accountingCost).toBeUndefined();
    expect(doc.lines.map((l) => `${l.note}: ${l.accountingCost}`).sort()).toEqual([
      "Deltagare: Anna Andersson: Kst 4410",
      "Deltagare: Anna Andersson: Kst 4410",
      "Deltagare: Björn Öberg: Kst 4410",
      "Deltagare: Björn Öberg: Kst 4410",
      "Deltagare: Cecilia Åkesson: Kst 4420",
    ]);
    // The older order's lines come first.
    expect(doc.lines.at(-1)?.note).toBe("Deltagare: Cecilia Åkesson");
    expect(await db.orderLine.count({ where: { order: { workshopId: workshop.id }, invoiceLines: { none: {} } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toEmail: orderer.email, template: "invoice-issued" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "invoicing-run.completed", entityId: workshop.id } })).toBe(1);

    const again = await runConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(7));
    expect(again).toEqual({ invoices: [], skipped: [] });
    expect((await previewConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(7))).groups).toEqual([]);
    expect(await db.invoice.count({ where: { workshopId: workshop.id } })).toBe(3);
  });

  it("two runs at once never invoice a line twice", async () => {
    const { workshop, exempt, orderer, people } = await consolidatedWorld();
    const orgs = [await municipality("Vårgårda kommun"), await municipality("Alingsås kommun"), await municipality("Lerums kommun")];
    for (const [i, org] of orgs.entries()) {
      const o = await person(["ORDERER", "PARTICIPANT"], org.id);
      for (const ref of ["R1", "R2"]) {
        const placed = await order(o, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id], participantEmails: [`p-${i}-${ref}-${randomUUID()}@kommun.test`], includeSelf: false });
        await payByInvoice(o, await payInput(o, placed.orderId, { buyerReference: ref }), later(1));
      }
    }
    const own = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id], participantEmails: people.map((p) => p.email), includeSelf: false });
    await payByInvoice(orderer, await payInput(orderer, own.orderId, { buyerReference: "R1" }), later(1));

    const runs = await Promise.all([
      runConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(10)),
      runConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(10)),
      runConsolidatedInvoicing(admin, { workshopId: workshop.id }, later(10)),
    ]);
    const issued = runs.flatMap((r) => r.invoices);
    expect(issued).toHaveLength(7);
    expect(new Set(issued.map((i) => `${i.organisationName}:${i.buyerReference}`)).size).toBe(7);
    expect(runs.flatMap((r) => r.skipped)).toEqual([]);
    const perLine = await db.invoiceLine.groupBy({ by: ["orderLineId"], where: { invoice: { workshopId: workshop.id } }, _count: { _all: true } });
    expect(perLine.every((l) => l._count._all === 1)).toBe(true);
    expect(perLine).toHaveLength(3 * 2 + 4);
    expect(gapsInSeries((await db.invoice.findMany({ select: { number: true } })).map((i) => i.number))).toEqual([]);
  });

  it("charges a booking cancelled late at the kept share, leaves out one cancelled in time, and reports what it cannot invoice", async () => {
    const { workshop, exempt, taxed, org, orderer, people } = await consolidatedWorld();
    const coordinator = await person(["COORDINATOR"], null);
    const placed = await order(orderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id, taxed.id], participantEmails: [people[0]!.email, people[1]!.email], includeSelf: false });
    await payByInvoice(orderer, await payInput(orderer, placed.orderId, { buyerReference: "REF-L" }), later(1));
    const bookings = await db.booking.findMany({ where: { orderId: placed.orderId }, include: { participant: true } });
    const annaExempt = bookings.find((bk) => bk.participantId === people[0]!.id && bk.lectureId === exempt.id)!;
    const annaTaxed = bookings.find((bk) => bk.participantId === people[0]!.id && bk.lectureId === taxed.id)!;
    // On time (before 31 August): never invoiced. After it (a coordinator): half is kept (policy 50 %).
    await cancelBooking(orderer, cancelBookingInput.parse({ bookingId: annaExempt.id }), later(10));
    await cancelBooking(coordinator, cancelBookingInput.parse({ bookingId: annaTaxed.id }), new Date("2031-09-02T08:00:00Z"));
    expect(await db.creditNote.count()).toBe(0);
    expect(await db.refund.count()).toBe(0);

    // Another order of the organisation whose recipient cannot be invoiced (no org number anywhere).
    const broken = await municipality("Trasiga kommun");
    const brokenOrderer = await person(["ORDERER", "PARTICIPANT"], broken.id);
    const b = await order(brokenOrderer, { workshopId: workshop.id, kind: "LECTURE", lectureIds: [exempt.id] });
    await payByInvoice(brokenOrderer, await payInput(brokenOrderer, b.orderId, { buyerReference: "X" }), later(2));
    await db.order.update({ where: { id: b.orderId }, data: { invoiceRecipient: {} } });
    await db.organisation.update({ where: { id: broken.id }, data: { orgNumber: null } });

    const preview = await previewConsolidatedInvoicing(admin, { workshopId: workshop.id }, new Date("2031-09-03T08:00:00Z"));
    expect(preview.groups.map((g) => [g.organisationName, g.bookings, g.problems])).toEqual([
      [org.name, 3, []],
      [broken.name, 1, ["MISSING_RECIPIENT"]],
    ]);
    const run = await runConsolidatedInvoicing(admin, { workshopId: workshop.id }, new Date("2031-09-03T08:00:00Z"));
    expect(run.skipped).toEqual([{ organisationName: broken.name, buyerReference: "X", reason: "MISSING_RECIPIENT" }]);
    const invoice = await invoiceRow(run.invoices[0]!.id);
    const doc = invoice.document as unknown as InvoiceDocument;
    const late = doc.lines.find((l) => l.description.startsWith("Material och mätning (sen avbokning"));
    // 1 000.01 kr, 50 % given back (rounded down: 500.00 kr), so 500.01 kr kept and invoiced.
    expect(late).toMatchObject({ description: "Material och mätning (sen avbokning: 50 % av priset)", unitPriceOre: 50_001, note: "Deltagare: Anna Andersson" });
    expect(doc.lines).toHaveLength(3);
    expect(invoice.lines.map((l) => l.orderLineId)).not.toContain((await db.orderLine.findFirstOrThrow({ where: { bookingId: annaExempt.id } })).id);
  });

  it("is for admins only", async () => {
    const { workshop } = await world({ consolidatedInvoicing: true });
    const coordinator = await person(["COORDINATOR", "ORDERER"], null);
    expect((await failure(runConsolidatedInvoicing(coordinator, { workshopId: workshop.id }, now))).code).toBe("FORBIDDEN");
    expect((await failure(previewConsolidatedInvoicing(coordinator, { workshopId: workshop.id }, now))).code).toBe("FORBIDDEN");
    expect((await failure(runConsolidatedInvoicing(admin, { workshopId: "c".repeat(25) }, now))).code).toBe("NOT_FOUND");
  });
});

// ── Every invoice this file issued passes the official Peppol BIS Billing 3.0 validation ──────────

const dir = mkdtempSync(path.join(os.tmpdir(), "verkstad-invoicing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe.skipIf(skipPeppol)(`Peppol BIS Billing 3.0 validation of every invoice issued here${skipPeppol ? ` (skipped: ${peppolToolsMissing})` : ""}`, () => {
  it("single lectures, a package at member price, exempt and 25 % lines, consolidated invoices of several participants: 0 fatal", { timeout: 600_000 }, async () => {
    const invoices = await db.invoice.findMany({ select: { displayNumber: true, ublXml: true }, orderBy: { number: "asc" } });
    expect(invoices.length).toBeGreaterThanOrEqual(10);
    const files = invoices.map((i) => {
      const file = path.join(dir, `${i.displayNumber}.xml`);
      writeFileSync(file, i.ublXml);
      return file;
    });
    const output = await validateAll(files);
    console.log(output.replaceAll(`${dir}/`, ""));
    for (const file of files) expect(output).toMatch(new RegExp(`RESULT ${file.replaceAll(".", "\\.")}: VALID \\(0 fatal`));
    expect(output).not.toContain("FATAL");
  });
});
