/**
 * The invoice recipient (buyer) as given at checkout, stored on Order.invoiceRecipient and copied
 * into the invoice: the employer's name, organisation number, Peppol address and postal address.
 * Checked with the same rules the invoice itself must pass (lib/domain/invoicing), so what the
 * orderer typed is refused at the form, not later when the invoice is issued.
 */
import { InvoicingError } from "../invoicing/errors";
import type { BuyerInput } from "../invoicing/document";
import { formatOrgNumber, normalizeOrgNumber, parsePeppolEndpoint, peppolEndpointFor } from "../invoicing/org-number";

export type InvoiceRecipient = {
  name: string;
  /** Ten digits, Luhn-checked. */
  orgNumber: string;
  /** "0007:" + ten digits. */
  peppolEndpoint: string;
  street: string;
  /** "NNN NN". */
  postalCode: string;
  city: string;
  /** Where the orderer wants a copy of invoices, when they gave one. */
  email: string | null;
};

/** "50630", "506 30" → "506 30"; null when it is not five digits (spaces allowed). */
export function normalizePostalCode(input: string): string | null {
  const digits = input.replace(/\s/g, "");
  return /^\d{5}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : null;
}

/**
 * "0007:2120001561", "0007: 212000-1561" → "0007:2120001561"; null when it is not scheme 0007
 * with a valid organisation number (PEPPOL-COMMON-R049 checks the Luhn digit of the id too).
 */
export function normalizePeppolEndpoint(input: string): string | null {
  const m = /^\s*(\d{4})\s*:\s*([\d\s-]+)$/.exec(input);
  if (!m) return null;
  try {
    const p = parsePeppolEndpoint(`${m[1]}:${(m[2] ?? "").replace(/[\s-]/g, "")}`);
    return `${p.scheme}:${p.id}`;
  } catch {
    return null;
  }
}

/** Ten digits of a valid organisation number, or null. */
export function normalizeOrgNumberOrNull(input: string): string | null {
  try {
    return normalizeOrgNumber(input);
  } catch {
    return null;
  }
}

/** The form's starting values from what is stored about the organisation ("" where unknown). */
export type RecipientFormValues = Record<"name" | "orgNumber" | "peppolEndpoint" | "street" | "postalCode" | "city" | "email", string>;

export function recipientDefaults(organisation: {
  name: string;
  orgNumber: string | null;
  peppolEndpoint: string | null;
  invoiceStreet: string | null;
  invoicePostal: string | null;
  invoiceCity: string | null;
  invoiceEmail: string | null;
}): RecipientFormValues {
  const orgNumber = organisation.orgNumber ? normalizeOrgNumberOrNull(organisation.orgNumber) : null;
  const endpoint = organisation.peppolEndpoint ? normalizePeppolEndpoint(organisation.peppolEndpoint) : null;
  return {
    name: organisation.name,
    orgNumber: orgNumber ? formatOrgNumber(orgNumber) : (organisation.orgNumber ?? ""),
    peppolEndpoint: endpoint ?? organisation.peppolEndpoint ?? (orgNumber ? peppolEndpointFor(orgNumber) : ""),
    street: organisation.invoiceStreet ?? "",
    postalCode: organisation.invoicePostal ?? "",
    city: organisation.invoiceCity ?? "",
    email: organisation.invoiceEmail ?? "",
  };
}

/**
 * A stored recipient (Order.invoiceRecipient, JSON) back as a checked InvoiceRecipient; null when
 * it is missing or does not pass the rules (e.g. written by an older version).
 */
export function parseStoredRecipient(value: unknown): InvoiceRecipient | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === "string" ? (v[key] as string).trim() : "");
  const orgNumber = normalizeOrgNumberOrNull(text("orgNumber"));
  const peppolEndpoint = text("peppolEndpoint") ? normalizePeppolEndpoint(text("peppolEndpoint")) : orgNumber ? peppolEndpointFor(orgNumber) : null;
  const postalCode = normalizePostalCode(text("postalCode"));
  const [name, street, city] = [text("name"), text("street"), text("city")];
  if (!orgNumber || !peppolEndpoint || !postalCode || !name || !street || !city) return null;
  return { name, orgNumber, peppolEndpoint, street, postalCode, city, email: text("email") || null };
}

/** The buyer of the invoice document (Swedish addresses: country SE). */
export function buyerInputOf(recipient: InvoiceRecipient): BuyerInput {
  if (!recipient.name.trim()) throw new InvoicingError("MISSING_FIELD", "buyer.name is required");
  return {
    name: recipient.name,
    orgNumber: recipient.orgNumber,
    peppolEndpoint: recipient.peppolEndpoint,
    address: { street: recipient.street, postalCode: recipient.postalCode, city: recipient.city, countryCode: "SE" },
  };
}
