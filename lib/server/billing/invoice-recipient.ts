import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  normalizeOrgNumberOrNull,
  normalizePeppolEndpoint,
  recipientDefaults,
  type InvoiceRecipient,
  type RecipientFormValues,
} from "@/lib/domain/billing/recipient";
import { peppolEndpointFor } from "@/lib/domain/invoicing/org-number";
import { AppError } from "@/lib/errors";
import { emailField, optionalText, postalCodeField, requiredText } from "@/lib/validation/fields";

/**
 * The invoice recipient as the orderer gives it at checkout. Field messages are keys under
 * errors.fields. The organisation number is checked like the invoice will be (ten digits, a legal
 * person, Luhn digit: SE-R-013, PEPPOL-COMMON-R049); the Peppol address defaults to 0007 and it.
 */
export const invoiceRecipientInput = z
  .object({
    name: requiredText(150),
    orgNumber: z
      .string({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .max(20, { error: "tooLong" })
      .transform((v, ctx) => {
        const digits = normalizeOrgNumberOrNull(v);
        if (!digits) {
          ctx.addIssue({ code: "custom", message: "invalidOrgNumber" });
          return z.NEVER;
        }
        return digits;
      }),
    peppolEndpoint: z
      .string()
      .trim()
      .max(40, { error: "tooLong" })
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const endpoint = normalizePeppolEndpoint(v);
        if (!endpoint) {
          ctx.addIssue({ code: "custom", message: "invalidPeppolEndpoint" });
          return z.NEVER;
        }
        return endpoint;
      }),
    street: requiredText(150),
    postalCode: postalCodeField,
    city: requiredText(100),
    email: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailField.optional()),
  })
  .transform(
    (v): InvoiceRecipient => ({
      name: v.name,
      orgNumber: v.orgNumber,
      peppolEndpoint: v.peppolEndpoint ?? peppolEndpointFor(v.orgNumber),
      street: v.street,
      postalCode: v.postalCode,
      city: v.city,
      email: v.email ?? null,
    }),
  );

/** Buyer's reference (BT-10): required, as Swedish public buyers route invoices by it. */
export const buyerReferenceField = requiredText(100);
export const costCentreField = optionalText(100);

/**
 * The checkout form's starting values, from the order's organisation (invoice address, org number,
 * Peppol address); "" where nothing is known. Only the person who placed the order sees them.
 */
export async function loadInvoiceRecipientDefaults(user: SessionUser, orderId: string): Promise<RecipientFormValues> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      placedById: true,
      organisation: {
        select: { name: true, orgNumber: true, peppolEndpoint: true, invoiceStreet: true, invoicePostal: true, invoiceCity: true, invoiceEmail: true },
      },
    },
  });
  if (!order || order.placedById !== user.id) throw new AppError("NOT_FOUND");
  if (!order.organisation) return { name: "", orgNumber: "", peppolEndpoint: "", street: "", postalCode: "", city: "", email: "" };
  return recipientDefaults(order.organisation);
}
