/**
 * Invoice dates: the issue date is the Stockholm calendar day of issue, the due date follows from
 * the payment terms in days.
 */
import { InvoicingError } from "./errors";
import { addDays, toStockholmDate, type LocalDate } from "../time";

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;
/**
 * Public authorities may not be given more than 60 days (Late Payment Directive 2011/7/EU,
 * art. 4(6), in Swedish law lag (2013:155) om betalningsvillkor i kommersiella avtal); terms
 * beyond that are a typing mistake here.
 */
export const MAX_PAYMENT_TERMS_DAYS = 60;

export function assertPaymentTerms(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_PAYMENT_TERMS_DAYS) {
    throw new InvoicingError("INVALID_TERMS", `Payment terms must be 0–${MAX_PAYMENT_TERMS_DAYS} days: ${days}`);
  }
  return days;
}

/**
 * Due date = issue date + terms, in calendar days. A due date on a weekend or public holiday is
 * not moved: the buyer's payment system handles bank days, and moving it would make the same
 * terms give different due dates.
 */
export function dueDateFor(issueDate: LocalDate, termsDays: number): LocalDate {
  return addDays(issueDate, assertPaymentTerms(termsDays));
}

/** Issue and due date of a document issued at `now`. */
export function invoiceDates(now: Date, termsDays: number = DEFAULT_PAYMENT_TERMS_DAYS): { issueDate: LocalDate; dueDate: LocalDate } {
  const issueDate = toStockholmDate(now);
  return { issueDate, dueDate: dueDateFor(issueDate, termsDays) };
}
