/**
 * Which order lines the consolidated invoicing run charges, how much of each, and how it groups
 * them; and the invoice recipient as checked at checkout.
 */
import { describe, expect, it } from "vitest";
import {
  buyerInputOf,
  chargedPercent,
  groupForConsolidatedInvoicing,
  normalizePeppolEndpoint,
  normalizePostalCode,
  parseStoredRecipient,
  recipientDefaults,
  type LineBookingState,
  type UninvoicedLine,
} from "@/lib/domain/billing";
import { SESSION_CANCELLED_REASON } from "@/lib/domain/enrollment";

const policy = { cancellationDeadline: "2031-01-05", lateRefundPercent: 50 };
const confirmed: LineBookingState = { status: "CONFIRMED", confirmedAt: new Date("2030-12-01T10:00:00Z"), cancelledAt: null };
const cancelledAt = (iso: string): LineBookingState => ({ ...confirmed, status: "CANCELLED", cancelledAt: new Date(iso) });

describe("what the run charges", () => {
  it.each<[string, LineBookingState | null, number | null]>([
    ["a confirmed booking: all of it", confirmed, 100],
    ["a line without a booking (goes with its order)", null, 100],
    ["cancelled on the cancellation day (23:59:59 Stockholm, 22:59:59 UTC)", cancelledAt("2031-01-05T22:59:59.999Z"), null],
    ["cancelled the minute after it: the kept 50 %", cancelledAt("2031-01-05T23:00:00.000Z"), 50],
    ["cancelled before it was ever confirmed", { status: "CANCELLED", confirmedAt: null, cancelledAt: new Date("2031-02-01T10:00:00Z") }, null],
    ["expired", { status: "EXPIRED", confirmedAt: null, cancelledAt: null }, null],
    ["ended late because the organiser cancelled the session: nothing", { ...cancelledAt("2031-02-01T10:00:00Z"), cancellationReason: SESSION_CANCELLED_REASON }, null],
    ["cancelled late by the participant, with some other reason: the kept 50 %", { ...cancelledAt("2031-02-01T10:00:00Z"), cancellationReason: "Sjuk" }, 50],
  ])("%s", (_name, booking, percent) => {
    expect(chargedPercent(booking, policy)).toBe(percent);
  });

  it("a late cancellation is not charged when the policy gives everything back, and fully when it gives nothing", () => {
    const late = cancelledAt("2031-02-01T10:00:00Z");
    expect(chargedPercent(late, { ...policy, lateRefundPercent: 100 })).toBeNull();
    expect(chargedPercent(late, { ...policy, lateRefundPercent: 0 })).toBe(100);
    expect(chargedPercent(late, { ...policy, lateRefundPercent: 30 })).toBe(70);
  });
});

describe("grouping per organisation and buyer reference", () => {
  const line = (id: string, orderId: string, organisationId: string | null, buyerReference: string | null, booking: LineBookingState | null = confirmed): UninvoicedLine => ({
    orderLineId: id, orderId, organisationId, buyerReference, booking,
  });

  it("one group per organisation and (trimmed) reference, lines in the order given", () => {
    const groups = groupForConsolidatedInvoicing(
      [
        line("l1", "o1", "boras", "REF-1"),
        line("l2", "o1", "boras", "REF-1"),
        line("l3", "o2", "boras", " REF-1 "),
        line("l4", "o3", "boras", "REF-2"),
        line("l5", "o4", "mark", "REF-1"),
        line("l6", "o4", "mark", "REF-1", cancelledAt("2031-01-01T10:00:00Z")),
        line("l7", "o5", "mark", "REF-1", cancelledAt("2031-03-01T10:00:00Z")),
      ],
      policy,
    );
    expect(groups.map((g) => [g.organisationId, g.buyerReference, g.orderIds, g.lines])).toEqual([
      ["boras", "REF-1", ["o1", "o2"], [{ orderLineId: "l1", chargedPercent: 100 }, { orderLineId: "l2", chargedPercent: 100 }, { orderLineId: "l3", chargedPercent: 100 }]],
      ["boras", "REF-2", ["o3"], [{ orderLineId: "l4", chargedPercent: 100 }]],
      ["mark", "REF-1", ["o4", "o5"], [{ orderLineId: "l5", chargedPercent: 100 }, { orderLineId: "l7", chargedPercent: 50 }]],
    ]);
  });

  it("references differing in case are different references; a missing one is kept to be reported", () => {
    const groups = groupForConsolidatedInvoicing([line("l1", "o1", "b", "ref"), line("l2", "o2", "b", "REF"), line("l3", "o3", null, null)], policy);
    expect(groups.map((g) => [g.organisationId, g.buyerReference])).toEqual([["b", "ref"], ["b", "REF"], [null, ""]]);
  });

  it("nothing to invoice, no groups", () => {
    expect(groupForConsolidatedInvoicing([line("l1", "o1", "b", "R", cancelledAt("2031-01-01T10:00:00Z"))], policy)).toEqual([]);
  });
});

describe("invoice recipient", () => {
  it.each([
    ["50630", "506 30"],
    ["506 30", "506 30"],
    [" 5 0 6 3 0 ", "506 30"],
    ["5063", null],
    ["506301", null],
    ["SE-50630", null],
  ])("postal code %j → %j", (input, out) => {
    expect(normalizePostalCode(input)).toBe(out);
  });

  it.each([
    ["0007:2120001561", "0007:2120001561"],
    ["0007: 212000-1561", "0007:2120001561"],
    ["0007:2120001562", null], // wrong Luhn digit (PEPPOL-COMMON-R049)
    ["0088:7300010000001", null], // another scheme
    ["2120001561", null],
  ])("Peppol address %j → %j", (input, out) => {
    expect(normalizePeppolEndpoint(input)).toBe(out);
  });

  it("prefills from the organisation, deriving the Peppol address from the org number", () => {
    const org = { name: "Borås Stad", orgNumber: "2120001561", peppolEndpoint: null, invoiceStreet: "Box 100", invoicePostal: "50180", invoiceCity: "Borås", invoiceEmail: null };
    expect(recipientDefaults(org)).toEqual({
      name: "Borås Stad", orgNumber: "212000-1561", peppolEndpoint: "0007:2120001561", street: "Box 100", postalCode: "50180", city: "Borås", email: "",
    });
    expect(recipientDefaults({ ...org, orgNumber: null, invoiceStreet: null })).toMatchObject({ orgNumber: "", peppolEndpoint: "", street: "" });
    // Stored data that passes the rules is a recipient as it stands.
    expect(parseStoredRecipient(recipientDefaults(org))).toEqual({
      name: "Borås Stad", orgNumber: "2120001561", peppolEndpoint: "0007:2120001561", street: "Box 100", postalCode: "501 80", city: "Borås", email: null,
    });
  });

  it("a stored recipient that does not pass is no recipient", () => {
    const good = { name: "Marks kommun", orgNumber: "212000-1538", peppolEndpoint: "", street: "Box 1", postalCode: "511 80", city: "Kinna", email: "f@mark.se" };
    expect(parseStoredRecipient(good)).toMatchObject({ peppolEndpoint: "0007:2120001538", email: "f@mark.se" });
    expect(parseStoredRecipient({ ...good, orgNumber: "212000-1539" })).toBeNull();
    expect(parseStoredRecipient({ ...good, city: " " })).toBeNull();
    expect(parseStoredRecipient(null)).toBeNull();
    expect(parseStoredRecipient("x")).toBeNull();
    expect(buyerInputOf(parseStoredRecipient(good)!)).toEqual({
      name: "Marks kommun", orgNumber: "2120001538", peppolEndpoint: "0007:2120001538", address: { street: "Box 1", postalCode: "511 80", city: "Kinna", countryCode: "SE" },
    });
  });
});
