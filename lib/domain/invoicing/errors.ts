/**
 * A document that would break Swedish or Peppol rules is refused before it exists, with a stable
 * code the billing service maps to an AppError (INVALID_INPUT or CONFLICT).
 */
export type InvoicingErrorCode =
  | "INVALID_ORG_NUMBER"
  | "INVALID_VAT_NUMBER"
  | "INVALID_PEPPOL_ENDPOINT"
  | "INVALID_BANKGIRO"
  | "INVALID_VAT_RATE"
  | "MISSING_BUYER_REFERENCE"
  | "MISSING_FIELD"
  | "NO_LINES"
  | "INVALID_LINE"
  | "INVALID_DATES"
  | "INVALID_TERMS"
  | "NEGATIVE_TOTAL"
  | "INVALID_DOCUMENT_NUMBER"
  | "UNKNOWN_INVOICE_LINE"
  | "LINE_ALREADY_CREDITED"
  | "INVALID_SHARE";

export class InvoicingError extends Error {
  constructor(
    readonly code: InvoicingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "InvoicingError";
  }
}
