/**
 * Swedish organisation numbers (organisationsnummer), the VAT number derived from them, and the
 * Peppol participant id under scheme 0007 (the Swedish organisation number, ISO 6523 ICD 0007).
 */
import { InvoicingError } from "./errors";

/** Ten digits, no hyphen: the form UBL carries (SE-R-003, SE-R-004, PEPPOL-COMMON-R049). */
export type OrgNumber = string;

export const PEPPOL_SCHEME_SE_ORGNR = "0007";

/** Luhn check digit of the first nine digits, as SE-R-013 and PEPPOL-COMMON-R049 compute it. */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new InvoicingError("INVALID_ORG_NUMBER", `Not nine digits: ${nineDigits}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nineDigits[i]);
    // Digits 1, 3, 5, 7, 9 (counted from the left) are doubled; a two-digit product adds its digits.
    const v = i % 2 === 0 ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10;
}

/** The ten-digit number made of nine digits and their Luhn check digit (for test and demo data). */
export function withCheckDigit(nineDigits: string): OrgNumber {
  return `${nineDigits}${luhnCheckDigit(nineDigits)}`;
}

/**
 * "212000-1355", "2120001355" or "16212000-1355" (the 12-digit form with the "16" prefix used
 * for legal persons) → "2120001355". Refuses anything that is not a valid number of a legal
 * person: the third digit ("month" digit) is 2 or more for legal persons, so a personal identity
 * number is never accepted here (Verkstad stores none).
 */
export function normalizeOrgNumber(input: string): OrgNumber {
  const compact = input.trim().replace(/[\s-]/g, "");
  const digits = /^16\d{10}$/.test(compact) ? compact.slice(2) : compact;
  if (!/^\d{10}$/.test(digits)) throw new InvoicingError("INVALID_ORG_NUMBER", `Not a Swedish organisation number: ${input}`);
  if (Number(digits[2]) < 2) {
    throw new InvoicingError("INVALID_ORG_NUMBER", `Looks like a personal identity number, not an organisation number: ${input}`);
  }
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    throw new InvoicingError("INVALID_ORG_NUMBER", `Wrong check digit (Luhn) in organisation number: ${input}`);
  }
  return digits;
}

export function isValidOrgNumber(input: string): boolean {
  try {
    normalizeOrgNumber(input);
    return true;
  } catch {
    return false;
  }
}

/** "2120001355" → "212000-1355", the form people read. */
export function formatOrgNumber(orgNumber: string): string {
  const d = normalizeOrgNumber(orgNumber);
  return `${d.slice(0, 6)}-${d.slice(6)}`;
}

/** The Swedish VAT number of a legal person: "SE" + the ten digits + "01" (14 characters, SE-R-001/002). */
export function vatNumberFor(orgNumber: string): string {
  return `SE${normalizeOrgNumber(orgNumber)}01`;
}

/** Checks a stored VAT number against the organisation number it must be derived from. */
export function assertVatNumberMatches(vatNumber: string, orgNumber: string): string {
  const compact = vatNumber.replace(/\s/g, "").toUpperCase();
  if (compact !== vatNumberFor(orgNumber)) {
    throw new InvoicingError("INVALID_VAT_NUMBER", `VAT number ${vatNumber} does not belong to organisation number ${orgNumber}`);
  }
  return compact;
}

export type PeppolParticipant = { scheme: typeof PEPPOL_SCHEME_SE_ORGNR; id: OrgNumber };

/** "0007:2120001355" for an organisation number. */
export function peppolEndpointFor(orgNumber: string): string {
  return `${PEPPOL_SCHEME_SE_ORGNR}:${normalizeOrgNumber(orgNumber)}`;
}

/**
 * Parses a stored Peppol participant id. Only scheme 0007 is used for Swedish public buyers here;
 * the id must itself be a valid organisation number (PEPPOL-COMMON-R049 checks EndpointID too).
 */
export function parsePeppolEndpoint(endpoint: string): PeppolParticipant {
  const m = /^(\d{4}):(.+)$/.exec(endpoint.trim());
  if (!m || m[1] !== PEPPOL_SCHEME_SE_ORGNR) {
    throw new InvoicingError("INVALID_PEPPOL_ENDPOINT", `Not a Peppol participant id under scheme 0007: ${endpoint}`);
  }
  try {
    return { scheme: PEPPOL_SCHEME_SE_ORGNR, id: normalizeOrgNumber(m[2] ?? "") };
  } catch {
    throw new InvoicingError("INVALID_PEPPOL_ENDPOINT", `Peppol participant id is not a valid organisation number: ${endpoint}`);
  }
}

/** Bankgiro number as UBL carries it: digits only, 7 or 8 of them (SE-R-008, SE-R-009). */
export function normalizeBankgiro(input: string): string {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{7,8}$/.test(digits)) throw new InvoicingError("INVALID_BANKGIRO", `Not a bankgiro number: ${input}`);
  return digits;
}
