import "server-only";
import { can } from "@/lib/domain/roles";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/domain/money";
import { toStockholmDate } from "@/lib/domain/time";
import { AppError, isAppError } from "@/lib/errors";
import type { PaymentStatus } from "@/lib/generated/prisma/enums";
import { safeFileName } from "@/lib/pdf/format";
import { renderCreditNotePdf, renderInvoicePdf } from "@/lib/pdf/invoice-pdf";
import { createReceiptDocument, renderReceiptPdf } from "@/lib/pdf/receipt-pdf";
import { parseStoredCreditNoteDocument, parseStoredInvoiceDocument } from "@/lib/pdf/stored-document";
import { idField, localeField } from "@/lib/validation/fields";

/**
 * The billing documents people download: an invoice or a credit note as PDF or as its Peppol UBL,
 * and the receipt of a card payment. Who may: an admin, always; otherwise only the person who
 * placed (Order.placedById) an order with a line on the invoice (InvoiceLine → OrderLine → Order),
 * for a credit note the same through the invoice it credits, for a receipt the one who placed the
 * payment's order. Anyone else gets NOT_FOUND, as for an id that does not exist: guessing ids must
 * not tell what exists. PDFs are drawn from the frozen document stored with the invoice or credit
 * note, so they always show exactly what was issued; the UBL is the stored XML, byte for byte.
 */

export type BillingFile = {
  body: Uint8Array<ArrayBuffer>;
  contentType: "application/pdf" | "application/xml";
  fileName: string;
  /** PDFs open in the browser's viewer; e-invoices are saved. */
  disposition: "inline" | "attachment";
};

const fileFormat = z.enum(["pdf", "ubl"]);

export const getInvoiceFileInput = z.object({ invoiceId: idField, format: fileFormat, locale: localeField });
export const getCreditNoteFileInput = z.object({ creditNoteId: idField, format: fileFormat, locale: localeField });
export const getReceiptFileInput = z.object({ paymentId: idField, locale: localeField });

/** A receipt exists once money was taken: refunded payments keep theirs (it lists the refunds). */
export const RECEIPT_STATUSES: readonly PaymentStatus[] = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"];

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  // A malformed id cannot name a row: the same answer as an unknown one.
  if (!result.success) throw new AppError("NOT_FOUND");
  return result.data;
}


/** Invoice lines that come from an order this person placed. */
const linesPlacedBy = (userId: string) => ({ where: { orderLine: { order: { placedById: userId } } } });

function bytes(buffer: Buffer | string): Uint8Array<ArrayBuffer> {
  return typeof buffer === "string" ? new TextEncoder().encode(buffer) : new Uint8Array(buffer);
}

async function documentFile(
  format: "pdf" | "ubl",
  number: string,
  ublXml: string,
  renderPdf: () => Promise<Buffer>,
): Promise<BillingFile> {
  if (format === "ubl") {
    return { body: bytes(ublXml), contentType: "application/xml", fileName: safeFileName(number, "xml"), disposition: "attachment" };
  }
  return { body: bytes(await renderPdf()), contentType: "application/pdf", fileName: safeFileName(number, "pdf"), disposition: "inline" };
}

export async function getInvoiceFile(user: SessionUser, input: z.input<typeof getInvoiceFileInput>, _now: Date): Promise<BillingFile> {
  const { invoiceId, format, locale } = parse(getInvoiceFileInput, input);
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { displayNumber: true, ublXml: true, document: true, _count: { select: { lines: linesPlacedBy(user.id) } } },
  });
  if (!invoice || (!can(user, "billing.readAll") && invoice._count.lines === 0)) throw new AppError("NOT_FOUND");
  return documentFile(format, invoice.displayNumber, invoice.ublXml, () => renderInvoicePdf(parseStoredInvoiceDocument(invoice.document), locale));
}

export async function getCreditNoteFile(user: SessionUser, input: z.input<typeof getCreditNoteFileInput>, _now: Date): Promise<BillingFile> {
  const { creditNoteId, format, locale } = parse(getCreditNoteFileInput, input);
  const creditNote = await db.creditNote.findUnique({
    where: { id: creditNoteId },
    select: { displayNumber: true, ublXml: true, document: true, invoice: { select: { _count: { select: { lines: linesPlacedBy(user.id) } } } } },
  });
  if (!creditNote || (!can(user, "billing.readAll") && creditNote.invoice._count.lines === 0)) throw new AppError("NOT_FOUND");
  return documentFile(format, creditNote.displayNumber, creditNote.ublXml, () =>
    renderCreditNotePdf(parseStoredCreditNoteDocument(creditNote.document), locale),
  );
}

export async function getReceiptFile(user: SessionUser, input: z.input<typeof getReceiptFileInput>, _now: Date): Promise<BillingFile> {
  const { paymentId, locale } = parse(getReceiptFileInput, input);
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    select: {
      status: true, amountOre: true, paidAt: true, updatedAt: true,
      refunds: { where: { status: "SUCCEEDED" }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], select: { amountOre: true, updatedAt: true } },
      order: {
        select: {
          reference: true, placedById: true,
          placedBy: { select: { name: true, email: true } },
          workshop: {
            select: {
              organiser: {
                select: {
                  name: true, orgNumber: true, vatNumber: true, email: true, phone: true, fTaxApproved: true,
                  streetAddress: true, postalCode: true, city: true, countryCode: true,
                },
              },
            },
          },
          lines: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              description: true, quantity: true, unitPriceOre: true, vatRateBp: true, lineExclVatOre: true, vatOre: true,
              booking: { select: { participant: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!payment || (!can(user, "billing.readAll") && payment.order.placedById !== user.id)) throw new AppError("NOT_FOUND");
  if (!RECEIPT_STATUSES.includes(payment.status)) throw new AppError("NOT_FOUND");

  const { order } = payment;
  const organiser = order.workshop.organiser;
  const receipt = createReceiptDocument({
    number: order.reference,
    paidAt: payment.paidAt ?? payment.updatedAt,
    seller: {
      name: organiser.name,
      orgNumber: organiser.orgNumber,
      vatNumber: organiser.vatNumber,
      address: { street: organiser.streetAddress, postalCode: organiser.postalCode, city: organiser.city, countryCode: organiser.countryCode },
      email: organiser.email,
      ...(organiser.phone ? { phone: organiser.phone } : {}),
      fTaxApproved: organiser.fTaxApproved,
    },
    payer: { name: order.placedBy.name, email: order.placedBy.email },
    lines: order.lines.map((l) => ({
      description: l.description,
      ...(l.booking?.participant.name ? { participant: l.booking.participant.name } : {}),
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      vatRateBp: l.vatRateBp,
      lineExclVatOre: l.lineExclVatOre,
      vatOre: l.vatOre,
    })),
    paidOre: payment.amountOre,
    refunds: payment.refunds.map((r) => ({ date: toStockholmDate(r.updatedAt), amountOre: r.amountOre })),
  });
  const prefix = locale === "sv" ? "kvitto" : "receipt";
  return {
    body: bytes(await renderReceiptPdf(receipt, locale)),
    contentType: "application/pdf",
    fileName: safeFileName(`${prefix}-${order.reference}`, "pdf"),
    disposition: "inline",
  };
}

/**
 * A download route: signs the person in (401 when nobody is), reads ?locale=sv|en (else the
 * person's own language), and answers with the file, or with the status of the AppError
 * (NOT_FOUND 404, anything else 403, as the calendar download does). Never cached on the way.
 */
export async function serveBillingFile(
  request: Request,
  load: (user: SessionUser, locale: AppLocale) => Promise<BillingFile>,
): Promise<Response> {
  try {
    const user = await requireUser();
    const requested = localeField.safeParse(new URL(request.url).searchParams.get("locale"));
    const file = await load(user, requested.success ? requested.data : user.locale);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `${file.disposition}; filename="${file.fileName}"`,
        "Content-Length": String(file.body.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : error.code === "NOT_FOUND" ? 404 : 403;
      return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
    }
    throw error;
  }
}
