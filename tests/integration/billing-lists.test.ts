/**
 * The admin's billing lists (orders, card payments, invoices, credit notes): each filter alone and
 * together, Stockholm date limits at midnight, pagination, totals for the filtered set; the export
 * (the same rows as the list, audited) and its route's answers; and "Fakturor och kvitton", which
 * shows a person the documents of the orders they placed and nothing of anyone else.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/admin/billing/export/route";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createCreditNoteDocument, createInvoiceDocument, formatOrgNumber, withCheckDigit, type InvoiceDocument } from "@/lib/domain/invoicing";
import { localDateToDateColumn } from "@/lib/domain/time";
import type { InvoiceStatus, OrderStatus, PaymentMethod, PaymentStatus } from "@/lib/generated/prisma/enums";
import { buildCreditNoteXml, buildInvoiceXml } from "@/lib/peppol/ubl";
import { exportBilling, exportBillingInput, type BillingKind } from "@/lib/server/billing/export-billing";
import { listCreditNotes, listCreditNotesInput } from "@/lib/server/billing/list-credit-notes";
import { listInvoices, listInvoicesInput } from "@/lib/server/billing/list-invoices";
import { listMyBillingDocuments } from "@/lib/server/billing/list-my-billing-documents";
import { listOrders, listOrdersInput } from "@/lib/server/billing/list-orders";
import { listPayments, listPaymentsInput } from "@/lib/server/billing/list-payments";
import { createOrganisation, createOrganiser, createUser, createWorkshop } from "@/tests/factories";
import { signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2031-11-23T10:00:00Z");

type Names = "admin" | "coordinator" | "anna" | "olle" | "berit" | "cecilia" | "erik" | "nils";
const people = {} as Record<Names, SessionUser>;
const ids = {} as Record<string, string>;
let seller: Parameters<typeof createInvoiceDocument>[0]["seller"];

async function person(name: string, roles: ("PARTICIPANT" | "ORDERER" | "COORDINATOR" | "ADMIN")[], organisationId: string | null = null, locale: "sv" | "en" = "sv") {
  const row = await createUser(db, { roles, organisationId, name, locale, email: `${name.toLowerCase().replace(/\W+/g, ".")}@kommun.test` });
  return (await loadSessionUser(row.id))!;
}

type OrderSpec = {
  key: string; reference: string; placedBy: SessionUser; workshopId: string; organisationId: string | null;
  status: OrderStatus; method: PaymentMethod | null; createdAt: string; buyerReference?: string; costCentre?: string;
  lines: { description: string; ore: number }[];
};

async function order(spec: OrderSpec) {
  const total = spec.lines.reduce((sum, l) => sum + l.ore, 0);
  const row = await db.order.create({
    data: {
      reference: spec.reference, workshopId: spec.workshopId, placedById: spec.placedBy.id, organisationId: spec.organisationId,
      status: spec.status, paymentMethod: spec.method, buyerReference: spec.buyerReference ?? null, costCentre: spec.costCentre ?? null,
      totalExclVatOre: total, totalVatOre: 0, totalInclVatOre: total, createdAt: new Date(spec.createdAt),
      lines: {
        create: spec.lines.map((l) => ({
          kind: "LECTURE" as const, description: l.description, priceTier: "MEMBER" as const, unitPriceOre: l.ore, vatRateBp: 0, lineExclVatOre: l.ore, vatOre: 0,
        })),
      },
    },
    include: { lines: { orderBy: { description: "asc" } } },
  });
  ids[spec.key] = row.id;
  return row;
}

type PaymentSpec = { key: string; orderKey: string; status: PaymentStatus; amountOre: number; refundedOre?: number; paidAt?: string; createdAt: string; stripe: string };

async function payment(spec: PaymentSpec) {
  const row = await db.payment.create({
    data: {
      orderId: ids[spec.orderKey]!, status: spec.status, amountOre: spec.amountOre, refundedOre: spec.refundedOre ?? 0,
      paidAt: spec.paidAt ? new Date(spec.paidAt) : null, createdAt: new Date(spec.createdAt),
      stripeCheckoutSessionId: `cs_test_${spec.stripe}_0123456789abcdef`, stripePaymentIntentId: spec.status === "PENDING" ? null : `pi_test_${spec.stripe}_0123456789`,
    },
  });
  ids[spec.key] = row.id;
}

const buyerOf = (name: string, orgNumber: string) => ({
  name, orgNumber, address: { street: "Box 100", postalCode: "501 80", city: "Borås", countryCode: "SE" },
});

/** An issued invoice as the issuing code stores it: the frozen document and its UBL, built by the real builders. */
async function invoice(spec: {
  key: string; number: string; organisationId: string; buyer: ReturnType<typeof buyerOf>; workshopId: string; buyerReference: string; costCentre?: string;
  issueDate: string; termsDays: number; status: InvoiceStatus; paidAt?: string; orderLines: { id: string; description: string; unitPriceOre: number }[];
}) {
  const doc = createInvoiceDocument({
    number: spec.number, issueDate: spec.issueDate, paymentTermsDays: spec.termsDays, paymentTermsText: `${spec.termsDays} dagar netto`,
    seller, buyer: spec.buyer, buyerReference: spec.buyerReference, accountingCost: spec.costCentre ?? null,
    lines: spec.orderLines.map((l) => ({ description: l.description, quantity: 1, unitPriceOre: l.unitPriceOre, vatRateBp: 0 })),
  });
  const [series, n] = spec.number.split("-");
  const row = await db.invoice.create({
    data: {
      series: series!, number: Number(n), displayNumber: spec.number, organisationId: spec.organisationId, workshopId: spec.workshopId,
      buyerReference: spec.buyerReference, costCentre: spec.costCentre ?? null,
      issueDate: localDateToDateColumn(doc.issueDate), dueDate: localDateToDateColumn(doc.dueDate),
      totalExclVatOre: doc.totals.taxExclusiveOre, totalVatOre: doc.totals.vatOre, totalInclVatOre: doc.totals.payableOre,
      status: spec.status, paidAt: spec.paidAt ? new Date(spec.paidAt) : null,
      sellerSnapshot: JSON.parse(JSON.stringify(doc.seller)), buyerSnapshot: JSON.parse(JSON.stringify(doc.buyer)),
      document: JSON.parse(JSON.stringify(doc)), ublXml: buildInvoiceXml(doc),
      lines: {
        create: doc.lines.map((l, i) => ({
          orderLineId: spec.orderLines[i]!.id, position: i + 1, description: l.description, quantity: l.quantity,
          unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp, lineExclVatOre: l.lineExclVatOre, vatOre: l.vatOre,
        })),
      },
    },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  ids[spec.key] = row.id;
  return { row, doc };
}

async function creditNote(spec: { key: string; number: string; invoice: { row: { id: string; lines: { id: string }[] }; doc: InvoiceDocument }; lineIds: string[]; issueDate: string; reason: string }) {
  const doc = createCreditNoteDocument({ number: spec.number, issueDate: spec.issueDate, invoice: spec.invoice.doc, invoiceLineIds: spec.lineIds, reason: spec.reason });
  const [series, n] = spec.number.split("-");
  const row = await db.creditNote.create({
    data: {
      series: series!, number: Number(n), displayNumber: spec.number, invoiceId: spec.invoice.row.id, reason: spec.reason,
      issueDate: localDateToDateColumn(doc.issueDate), totalExclVatOre: doc.totals.taxExclusiveOre, totalVatOre: doc.totals.vatOre,
      totalInclVatOre: doc.totals.payableOre, ublXml: buildCreditNoteXml(doc), document: JSON.parse(JSON.stringify(doc)),
      lines: {
        create: doc.lines.map((l, i) => ({
          invoiceLineId: spec.invoice.row.lines[Number(spec.lineIds[i]) - 1]!.id, position: i + 1, description: l.description,
          quantity: l.quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp, lineExclVatOre: l.lineExclVatOre, vatOre: l.vatOre,
        })),
      },
    },
  });
  ids[spec.key] = row.id;
}

beforeAll(async () => {
  const organiser = await createOrganiser(db, { name: "FoU Sjuhärad Välfärd" });
  seller = {
    name: organiser.name, orgNumber: organiser.orgNumber, vatNumber: organiser.vatNumber, address: { street: organiser.streetAddress, postalCode: organiser.postalCode, city: organiser.city, countryCode: "SE" },
    bankgiro: organiser.bankgiro, email: organiser.email, fTaxApproved: true,
  };
  const wA = await createWorkshop(db, { organiserId: organiser.id, title: "Verkstad Alfa" });
  const wB = await createWorkshop(db, { organiserId: organiser.id, title: "Verkstad Beta" });
  ids.wA = wA.id;
  ids.wB = wB.id;
  const boras = formatOrgNumber(withCheckDigit("212000156"));
  const ulricehamn = formatOrgNumber(withCheckDigit("212000154"));
  const orgX = await createOrganisation(db, { name: "Borås Stad", orgNumber: boras });
  const orgY = await createOrganisation(db, { name: "Ulricehamns kommun", orgNumber: ulricehamn });
  ids.orgX = orgX.id;
  ids.orgY = orgY.id;

  people.admin = await person("Ada Admin", ["ADMIN"]);
  people.coordinator = await person("Cora Samordnare", ["COORDINATOR"]);
  people.anna = await person("Anna Andersson", ["PARTICIPANT"], orgX.id);
  people.olle = await person("Olle Ordersson", ["ORDERER"], orgX.id);
  people.berit = await person("Berit Bengtsson", ["PARTICIPANT"], orgY.id);
  people.cecilia = await person("Cecilia Chef", ["ORDERER"], orgY.id);
  people.erik = await person("Erik Ensam", ["PARTICIPANT"]);
  people.nils = await person("Nils Ingenting", ["PARTICIPANT", "ORDERER"], orgX.id);

  await order({ key: "O1", reference: "V-2031-000001", placedBy: people.anna, workshopId: wA.id, organisationId: orgX.id, status: "PAID", method: "CARD", createdAt: "2031-11-01T10:00:00Z", lines: [{ description: "Föreläsning 1", ore: 190_000 }] });
  const o2 = await order({
    key: "O2", reference: "V-2031-000002", placedBy: people.olle, workshopId: wA.id, organisationId: orgX.id, status: "INVOICED", method: "INVOICE", createdAt: "2031-11-05T09:00:00Z",
    buyerReference: "ABC-123", costCentre: "4711", lines: [{ description: "Föreläsning 1 – Anna", ore: 190_000 }, { description: "Föreläsning 2 – Anna", ore: 190_000 }],
  });
  // 23:30 UTC on 10 November is 00:30 on 11 November in Stockholm (winter time).
  const o3 = await order({ key: "O3", reference: "V-2031-000003", placedBy: people.berit, workshopId: wB.id, organisationId: orgY.id, status: "INVOICED", method: "INVOICE", createdAt: "2031-11-10T23:30:00Z", buyerReference: "UK-77", lines: [{ description: "Hela verkstaden", ore: 1_200_000 }] });
  await order({ key: "O4", reference: "V-2031-000004", placedBy: people.erik, workshopId: wB.id, organisationId: null, status: "CANCELLED", method: "CARD", createdAt: "2031-10-31T23:30:00Z", lines: [{ description: "Föreläsning 3", ore: 240_000 }] });
  await order({ key: "O5", reference: "V-2031-000005", placedBy: people.anna, workshopId: wB.id, organisationId: orgX.id, status: "PENDING_PAYMENT", method: "CARD", createdAt: "2031-11-20T08:00:00Z", lines: [{ description: "Föreläsning 4", ore: 240_000 }] });
  const o6 = await order({ key: "O6", reference: "V-2031-000006", placedBy: people.cecilia, workshopId: wB.id, organisationId: orgY.id, status: "INVOICED", method: "INVOICE", createdAt: "2031-11-12T08:00:00Z", buyerReference: "UK-88", lines: [{ description: "Föreläsning 4 – Greta", ore: 240_000 }] });
  const o7 = await order({ key: "O7", reference: "V-2031-000007", placedBy: people.berit, workshopId: wB.id, organisationId: orgY.id, status: "INVOICED", method: "INVOICE", createdAt: "2031-11-12T09:00:00Z", buyerReference: "UK-88", lines: [{ description: "Föreläsning 4 – Berit", ore: 240_000 }] });

  await payment({ key: "P1", orderKey: "O1", status: "SUCCEEDED", amountOre: 190_000, paidAt: "2031-11-01T10:05:00Z", createdAt: "2031-11-01T10:01:00Z", stripe: "anna1" });
  // Paid 00:40 Stockholm time on 1 November.
  await payment({ key: "P2", orderKey: "O4", status: "REFUNDED", amountOre: 240_000, refundedOre: 240_000, paidAt: "2031-10-31T23:40:00Z", createdAt: "2031-10-31T23:31:00Z", stripe: "erik1" });
  await payment({ key: "P3", orderKey: "O5", status: "PENDING", amountOre: 240_000, createdAt: "2031-11-20T08:01:00Z", stripe: "anna2" });
  await payment({ key: "P4", orderKey: "O5", status: "FAILED", amountOre: 240_000, createdAt: "2031-11-20T08:02:00Z", stripe: "anna3" });

  const i1 = await invoice({
    key: "I1", number: "F2031-00001", organisationId: orgX.id, buyer: buyerOf("Borås Stad", boras), workshopId: wA.id, buyerReference: "ABC-123", costCentre: "4711",
    issueDate: "2031-11-05", termsDays: 30, status: "PARTIALLY_CREDITED", orderLines: o2.lines.map((l) => ({ id: l.id, description: l.description, unitPriceOre: l.unitPriceOre })),
  });
  await invoice({
    key: "I2", number: "F2031-00002", organisationId: orgY.id, buyer: buyerOf("Ulricehamns kommun", ulricehamn), workshopId: wB.id, buyerReference: "UK-77",
    issueDate: "2031-11-11", termsDays: 10, status: "ISSUED", orderLines: o3.lines.map((l) => ({ id: l.id, description: l.description, unitPriceOre: l.unitPriceOre })),
  });
  // Consolidated: one invoice for the organisation and buyer reference, with two orderers' lines.
  await invoice({
    key: "I3", number: "F2031-00003", organisationId: orgY.id, buyer: buyerOf("Ulricehamns kommun", ulricehamn), workshopId: wB.id, buyerReference: "UK-88",
    issueDate: "2031-11-15", termsDays: 30, status: "PAID", paidAt: "2031-11-20T10:00:00Z",
    orderLines: [...o6.lines, ...o7.lines].map((l) => ({ id: l.id, description: l.description, unitPriceOre: l.unitPriceOre })),
  });
  await creditNote({ key: "C1", number: "K2031-00001", invoice: i1, lineIds: ["2"], issueDate: "2031-11-16", reason: "Avbokning: Föreläsning 2 – Anna" });
});

const orders = (values: Record<string, unknown> = {}, user: SessionUser = people.admin) => listOrders(user, listOrdersInput.parse(values));
const payments = (values: Record<string, unknown> = {}) => listPayments(people.admin, listPaymentsInput.parse(values));
const invoices = (values: Record<string, unknown> = {}) => listInvoices(people.admin, listInvoicesInput.parse(values));
const creditNotes = (values: Record<string, unknown> = {}) => listCreditNotes(people.admin, listCreditNotesInput.parse(values));
const refs = (rows: { reference: string }[]) => rows.map((r) => r.reference.slice(-1));

describe("the admin's list of orders", () => {
  it("lists every order newest first, with the totals of the whole set", async () => {
    const result = await orders();
    expect(refs(result.rows)).toEqual(["5", "7", "6", "3", "2", "1", "4"]);
    expect(result.total).toBe(7);
    expect(result.totals).toEqual({ count: 7, exclVatOre: 2_730_000, vatOre: 0, inclVatOre: 2_730_000 });
    expect(result.rows.find((r) => r.reference.endsWith("2"))).toMatchObject({
      status: "INVOICED", paymentMethod: "INVOICE", buyerReference: "ABC-123", costCentre: "4711",
      workshop: { title: "Verkstad Alfa" }, orderer: { name: "Olle Ordersson" }, organisation: { name: "Borås Stad" },
    });
    expect(result.rows.find((r) => r.reference.endsWith("4"))?.organisation).toBeNull();
  });

  it.each([
    ["status", { status: "PAID" }, ["1"], 190_000],
    ["status (invoiced)", { status: "INVOICED" }, ["7", "6", "3", "2"], 2_060_000],
    ["workshop", { workshopId: "wB" }, ["5", "7", "6", "3", "4"], 2_160_000],
    ["organisation", { organisationId: "orgX" }, ["5", "2", "1"], 810_000],
    ["workshop and status", { workshopId: "wB", status: "CANCELLED" }, ["4"], 240_000],
    ["search: the orderer's name, any case", { q: "OLLE" }, ["2"], 380_000],
    ["search: e-mail", { q: "erik.ensam@" }, ["4"], 240_000],
    ["search: part of the reference", { q: "000003" }, ["3"], 1_200_000],
    ["search: the organisation, with å", { q: "borås" }, ["5", "2", "1"], 810_000],
    ["search: buyer reference", { q: "uk-88" }, ["7", "6"], 480_000],
    ["search: nothing matches", { q: "zzz" }, [], 0],
    // 2031-10-31 23:30 UTC is 1 November in Stockholm: it belongs to that day, not to 31 October.
    ["one Stockholm day", { from: "2031-11-01", to: "2031-11-01" }, ["1", "4"], 430_000],
    ["up to a day", { to: "2031-10-31" }, [], 0],
    ["from a day (00:30 Stockholm counts)", { from: "2031-11-11" }, ["5", "7", "6", "3"], 1_920_000],
    ["up to the day before", { to: "2031-11-10" }, ["2", "1", "4"], 810_000],
  ])("filters by %s", async (_name, filter, expected, sum) => {
    const values = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, k.endsWith("Id") ? ids[v]! : v]));
    const result = await orders(values);
    expect(refs(result.rows)).toEqual(expected);
    expect(result.total).toBe(expected.length);
    expect(result.totals.inclVatOre).toBe(sum);
  });

  it("is for admins only", async () => {
    await expect(orders({}, people.coordinator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(orders({}, people.olle)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses dates that do not exist and unknown statuses in its schema", () => {
    expect(listOrdersInput.safeParse({ from: "2031-02-30" }).success).toBe(false);
    expect(listOrdersInput.safeParse({ to: "23/11/2031" }).success).toBe(false);
    expect(listOrdersInput.safeParse({ status: "ISSUED" }).success).toBe(false);
    expect(listOrdersInput.safeParse({ workshopId: "'; drop table" }).success).toBe(false);
  });
});

describe("the admin's list of card payments", () => {
  const keys = (rows: { id: string }[]) => rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]);

  it("lists every payment newest first, with amount and refunded totals", async () => {
    const result = await payments();
    expect(keys(result.rows)).toEqual(["P4", "P3", "P1", "P2"]);
    expect(result.totals).toEqual({ count: 4, amountOre: 910_000, refundedOre: 240_000 });
    expect(result.rows[2]).toMatchObject({ method: "CARD", order: { reference: "V-2031-000001" }, orderer: { name: "Anna Andersson" }, paidAt: new Date("2031-11-01T10:05:00Z") });
  });

  it.each([
    ["status", { status: "REFUNDED" }, ["P2"]],
    ["workshop", { workshopId: "wA" }, ["P1"]],
    ["organisation", { organisationId: "orgX" }, ["P4", "P3", "P1"]],
    ["search: part of a Stripe id", { q: "erik1" }, ["P2"]],
    ["search: the order reference", { q: "V-2031-000005" }, ["P4", "P3"]],
    // Paid 00:40 Stockholm time on 1 November, though it was still 31 October in UTC.
    ["the day it was paid", { from: "2031-11-01", to: "2031-11-01" }, ["P1", "P2"]],
    ["the day it was started, when never paid", { from: "2031-11-20" }, ["P4", "P3"]],
  ])("filters by %s", async (_name, filter, expected) => {
    const values = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, k.endsWith("Id") ? ids[v]! : v]));
    const result = await payments(values);
    expect(keys(result.rows)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });
});

describe("the admin's list of invoices", () => {
  const numbers = (rows: { displayNumber: string }[]) => rows.map((r) => r.displayNumber);

  it("lists every invoice, the latest issue date first, with totals", async () => {
    const result = await invoices();
    expect(numbers(result.rows)).toEqual(["F2031-00003", "F2031-00002", "F2031-00001"]);
    expect(result.totals).toEqual({ count: 3, exclVatOre: 2_060_000, vatOre: 0, inclVatOre: 2_060_000 });
    expect(result.rows[1]).toMatchObject({ issueDate: "2031-11-11", dueDate: "2031-11-21", status: "ISSUED", buyerReference: "UK-77", organisation: { name: "Ulricehamns kommun" } });
  });

  it.each([
    ["status", { status: "ISSUED" }, ["F2031-00002"]],
    ["workshop", { workshopId: "wA" }, ["F2031-00001"]],
    ["organisation", { organisationId: "orgY" }, ["F2031-00003", "F2031-00002"]],
    ["search: number", { q: "f2031-00002" }, ["F2031-00002"]],
    ["search: buyer reference", { q: "ABC" }, ["F2031-00001"]],
    ["search: the orderer of one of its orders", { q: "cecilia" }, ["F2031-00003"]],
    ["search: an order reference on it", { q: "V-2031-000007" }, ["F2031-00003"]],
    ["issue date, both ends included", { from: "2031-11-11", to: "2031-11-15" }, ["F2031-00003", "F2031-00002"]],
    ["issue date up to a day", { to: "2031-11-05" }, ["F2031-00001"]],
  ])("filters by %s", async (_name, filter, expected) => {
    const values = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, k.endsWith("Id") ? ids[v]! : v]));
    expect(numbers((await invoices(values)).rows)).toEqual(expected);
  });

  it("lists credit notes with the invoice they credit, filtered through that invoice", async () => {
    const all = await creditNotes();
    expect(all.rows).toEqual([
      expect.objectContaining({ displayNumber: "K2031-00001", invoice: expect.objectContaining({ displayNumber: "F2031-00001" }), reason: "Avbokning: Föreläsning 2 – Anna", issueDate: "2031-11-16", totalInclVatOre: 190_000 }),
    ]);
    expect(all.totals).toEqual({ count: 1, exclVatOre: 190_000, vatOre: 0, inclVatOre: 190_000 });
    expect((await creditNotes({ workshopId: ids.wA })).total).toBe(1);
    expect((await creditNotes({ workshopId: ids.wB })).total).toBe(0);
    expect((await creditNotes({ organisationId: ids.orgY })).total).toBe(0);
    expect((await creditNotes({ q: "F2031-00001" })).total).toBe(1);
    expect((await creditNotes({ q: "avbokning" })).total).toBe(1);
    expect((await creditNotes({ from: "2031-11-17" })).total).toBe(0);
    expect((await creditNotes({ to: "2031-11-16" })).total).toBe(1);
  });
});

describe("exportBilling", () => {
  const cases: [BillingKind, Record<string, string>][] = [
    ["orders", {}],
    ["orders", { workshopId: "wB", status: "INVOICED" }],
    ["orders", { from: "2031-11-01", to: "2031-11-01" }],
    ["payments", { organisationId: "orgX" }],
    ["invoices", { q: "uk-" }],
    ["invoices", {}],
    ["credit-notes", {}],
  ];

  it.each(cases)("writes the same rows as the %s list shows (%j), and records who exported what", async (kind, filter) => {
    const values = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, k.endsWith("Id") ? ids[v]! : v]));
    const list =
      kind === "orders" ? await orders(values) : kind === "payments" ? await payments(values) : kind === "invoices" ? await invoices(values) : await creditNotes(values);
    const before = await db.auditEvent.count({ where: { action: "billing.exported" } });

    const file = await exportBilling(people.admin, exportBillingInput.parse({ kind, format: "csv", ...values }), now, { locale: "sv", requestId: "req-1" });
    expect(file.rowCount).toBe(list.total);
    const text = new TextDecoder().decode(file.body);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1 + list.total);
    expect(file.fileName).toBe(`${{ orders: "bestallningar", payments: "betalningar", invoices: "fakturor", "credit-notes": "kreditfakturor" }[kind]}-2031-11-23.csv`);

    const events = await db.auditEvent.findMany({ where: { action: "billing.exported" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(await db.auditEvent.count({ where: { action: "billing.exported" } })).toBe(before + 1);
    expect(events[0]).toMatchObject({ actorId: people.admin.id, entityType: "BillingExport", entityId: kind, requestId: "req-1", after: { kind, format: "csv", filter: values, rows: list.total } });
  });

  it("writes amounts as kronor and the headers in the requester's language", async () => {
    const sv = new TextDecoder().decode((await exportBilling(people.admin, exportBillingInput.parse({ kind: "invoices", format: "csv", q: "F2031-00001" }), now, { locale: "sv" })).body);
    const [header, row] = sv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("Fakturanummer;Organisation;Organisationsnummer;Förbättringsverkstad;Er referens;Kostnadsställe;Fakturadatum;Förfallodatum;Belopp utan moms;Moms;Att betala;Status;Betald");
    expect(row).toBe(`F2031-00001;Borås Stad;${formatOrgNumber(withCheckDigit("212000156"))};Verkstad Alfa;ABC-123;4711;2031-11-05;2031-12-05;3800,00;0,00;3800,00;Delvis krediterad;`);
    const en = new TextDecoder().decode((await exportBilling(people.admin, exportBillingInput.parse({ kind: "orders", format: "csv", q: "000004" }), now, { locale: "en" })).body);
    const [enHeader, enRow] = en.replace(/^\uFEFF/, "").split("\r\n");
    expect(enHeader?.split(";").slice(0, 3)).toEqual(["Booking number", "Ordered", "Improvement workshop"]);
    // Ordered 23:30 UTC on 31 October: 00:30 on 1 November in Stockholm.
    expect(enRow).toBe("V-2031-000004;2031-11-01 00:30;Verkstad Beta;Erik Ensam;erik.ensam@kommun.test;;Card;;;0;Cancelled;2400,00;0,00;2400,00");
  });

  it("is for admins only, and a refused export is not logged", async () => {
    const before = await db.auditEvent.count({ where: { action: "billing.exported" } });
    await expect(exportBilling(people.coordinator, exportBillingInput.parse({ kind: "orders", format: "csv" }), now, { locale: "sv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { action: "billing.exported" } })).toBe(before);
  });
});

describe("GET /api/admin/billing/export", () => {
  const get = (query: string) => exportRoute(new Request(`http://localhost:3000/api/admin/billing/export?${query}`));

  it("gives an admin an Excel file of the filtered list, as an attachment that is not cached", async () => {
    signInAs(people.admin);
    const response = await get(`kind=invoices&format=xlsx&workshopId=${ids.wB}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="fakturor-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(response.headers.get("cache-control")).toContain("no-store");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Fakturor");
    expect(sheet.rowCount).toBe(1 + 2);
    expect(sheet.getRow(1).getCell(1).value).toBe("Fakturanummer");
    expect(sheet.getRow(2).getCell(1).value).toBe("F2031-00003");
    expect(sheet.getRow(2).getCell(7).value).toEqual(new Date("2031-11-15T00:00:00Z"));
    expect(sheet.getRow(3).getCell(11).value).toBe(12_000);
  });

  it("gives a CSV with English headers when asked in English", async () => {
    signInAs(people.admin);
    const response = await get("kind=credit-notes&format=csv&locale=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="credit-notes-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFF?Credit note number;Credits invoice;/);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("answers 401 when signed out, 403 to a coordinator or an orderer, and writes nothing", async () => {
    const before = await db.auditEvent.count({ where: { action: "billing.exported" } });
    signInAs(null);
    const anonymous = await get("kind=orders&format=csv");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, code: "UNAUTHENTICATED", message: "Du behöver logga in först." });
    for (const who of [people.coordinator, people.olle]) {
      signInAs(who);
      const refused = await get("kind=orders&format=csv");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.auditEvent.count({ where: { action: "billing.exported" } })).toBe(before);
  });

  it("answers 400 with translated field messages for a bad query", async () => {
    signInAs(people.admin);
    const badKind = await get("kind=people&format=csv");
    expect(badKind.status).toBe(400);
    expect(await badKind.json()).toMatchObject({ ok: false, code: "INVALID_INPUT", message: "Något i formuläret behöver rättas. Se felen vid fälten.", fieldErrors: { kind: ["Välj ett av alternativen."] } });

    const badFormat = await get("kind=orders&format=pdf&locale=en");
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { format: ["Choose one of the options."] } });

    const badDate = await get("kind=invoices&format=csv&from=2031-02-30");
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).fieldErrors.from).toEqual(["Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2026-09-07."]);

    const statusOfAnotherList = await get("kind=credit-notes&format=csv&status=PAID");
    expect(statusOfAnotherList.status).toBe(200); // credit notes have no status: the field is ignored, not an error
    const wrongStatus = await get("kind=payments&format=csv&status=INVOICED");
    expect(wrongStatus.status).toBe(400);
    expect(await get("format=csv")).toHaveProperty("status", 400);
  });
});

describe("Fakturor och kvitton (listMyBillingDocuments)", () => {
  const mine = async (who: SessionUser) => {
    const docs = await listMyBillingDocuments(who, now);
    return {
      invoices: docs.invoices.map((i) => i.displayNumber),
      creditNotes: docs.creditNotes.map((c) => c.displayNumber),
      receipts: docs.receipts.map((r) => Object.entries(ids).find(([, id]) => id === r.paymentId)?.[0]),
    };
  };

  it("shows a card payer the receipts of their own paid payments only", async () => {
    // P3 (pending) and P4 (failed) are Anna's too, but have no receipt; P2 is Erik's.
    expect(await mine(people.anna)).toEqual({ invoices: [], creditNotes: [], receipts: ["P1"] });
    expect(await mine(people.erik)).toEqual({ invoices: [], creditNotes: [], receipts: ["P2"] });
  });

  it("shows an orderer the invoices of orders they placed and the credit notes of those invoices", async () => {
    expect(await mine(people.olle)).toEqual({ invoices: ["F2031-00001"], creditNotes: ["K2031-00001"], receipts: [] });
  });

  it("shows a consolidated invoice to each person who placed one of its orders, and nobody else", async () => {
    expect(await mine(people.berit)).toEqual({ invoices: ["F2031-00003", "F2031-00002"], creditNotes: [], receipts: [] });
    expect(await mine(people.cecilia)).toEqual({ invoices: ["F2031-00003"], creditNotes: [], receipts: [] });
  });

  it("shows nothing to people who placed no order, whatever their role (admins included)", async () => {
    for (const who of [people.nils, people.coordinator, people.admin]) {
      expect(await mine(who)).toEqual({ invoices: [], creditNotes: [], receipts: [] });
    }
  });

  it("says which invoices are overdue, by Stockholm days", async () => {
    const docs = await listMyBillingDocuments(people.berit, now);
    expect(docs.invoices.map((i) => [i.displayNumber, i.status, i.dueDate, i.overdue])).toEqual([
      ["F2031-00003", "PAID", "2031-12-15", false],
      ["F2031-00002", "ISSUED", "2031-11-21", true],
    ]);
    // On the due day itself (23:59 Stockholm) it is not overdue yet.
    const onDueDay = await listMyBillingDocuments(people.berit, new Date("2031-11-21T22:59:00Z"));
    expect(onDueDay.invoices.find((i) => i.displayNumber === "F2031-00002")?.overdue).toBe(false);
    expect(docs.invoices[1]).toMatchObject({ workshop: "Verkstad Beta", organisation: "Ulricehamns kommun", totalInclVatOre: 1_200_000, issueDate: "2031-11-11" });
  });
});

// Last: adds many orders to a workshop of their own.
describe("pagination", () => {
  const COUNT = 1001;

  beforeAll(async () => {
    const organiser = await createOrganiser(db);
    const wC = await createWorkshop(db, { organiserId: organiser.id, title: "Verkstad Gamma" });
    ids.wC = wC.id;
    const start = new Date("2031-06-01T00:00:00Z").getTime();
    await db.order.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({
        reference: `V-2031-${String(100_000 + i)}`, workshopId: wC.id, placedById: people.nils.id, status: "PAID" as const, paymentMethod: "CARD" as const,
        totalExclVatOre: 100 * (i + 1), totalVatOre: 25 * (i + 1), totalInclVatOre: 125 * (i + 1),
        // Every other pair at the same instant: the id must break the tie the same way on every page.
        createdAt: new Date(start + Math.floor(i / 2) * 60_000),
      })),
    });
  });

  it("pages through the filtered set in fixed pages without gaps or repeats, with totals for all pages", async () => {
    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const result = await orders({ workshopId: ids.wC, page });
      expect(result.total).toBe(COUNT);
      expect(result.totals).toEqual({ count: COUNT, exclVatOre: (100 * COUNT * (COUNT + 1)) / 2, vatOre: (25 * COUNT * (COUNT + 1)) / 2, inclVatOre: (125 * COUNT * (COUNT + 1)) / 2 });
      if (result.rows.length === 0) break;
      expect(result.rows.length).toBe(page <= Math.floor(COUNT / 50) ? 50 : COUNT % 50);
      seen.push(...result.rows.map((r) => r.reference));
      page += 1;
    }
    expect(page).toBe(Math.ceil(COUNT / 50) + 1);
    expect(new Set(seen).size).toBe(COUNT);
    expect(seen[0]).toBe("V-2031-101000"); // the newest
    const other = await orders({ workshopId: ids.wA, page: 2 });
    expect(other.rows).toEqual([]);
    expect(other.total).toBe(2);
  });

  it("exports every row of the filter, more than one batch, in the page order", async () => {
    const file = await exportBilling(people.admin, exportBillingInput.parse({ kind: "orders", format: "xlsx", workshopId: ids.wC }), now, { locale: "sv" });
    expect(file.rowCount).toBe(COUNT);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + COUNT);
    const firstPage = await orders({ workshopId: ids.wC });
    expect(sheet.getRow(2).getCell(1).value).toBe(firstPage.rows[0]!.reference);
    const references = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) references.add(String(row.getCell(1).value));
    });
    expect(references.size).toBe(COUNT);
    expect(sheet.getRow(2).getCell(14).value).toBe((125 * COUNT) / 100);
  });
});
