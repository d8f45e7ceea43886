-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "CreditNote" ADD COLUMN     "document" JSONB NOT NULL;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "document" JSONB NOT NULL,
ADD COLUMN     "workshopId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "invoiceRecipient" JSONB;

-- AlterTable
ALTER TABLE "Organiser" ADD COLUMN     "fTaxApproved" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "paymentTermsDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bookingId" TEXT,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "consolidatedInvoicing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lateCancellationRefundPercent" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Invoice_workshopId_issueDate_idx" ON "Invoice"("workshopId", "issueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_bookingId_key" ON "Refund"("bookingId");

-- CreateIndex
CREATE INDEX "Refund_status_createdAt_idx" ON "Refund"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ───────────── Hand-written guarantees ─────────────
ALTER TABLE "Organiser" ADD CONSTRAINT "Organiser_terms_check" CHECK ("paymentTermsDays" BETWEEN 0 AND 60);
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_late_refund_check" CHECK ("lateCancellationRefundPercent" BETWEEN 0 AND 100);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_check" CHECK ("amountOre" > 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amounts_check" CHECK ("amountOre" >= 0 AND "refundedOre" >= 0 AND "refundedOre" <= "amountOre");
-- An upgrade credit is a negative line (negative quantity, positive price, as on an invoice, BR-27),
-- every other line a positive one.
ALTER TABLE "OrderLine" DROP CONSTRAINT "OrderLine_amounts_check";
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_amounts_check"
  CHECK ("quantity" <> 0 AND ("quantity" < 0) = ("kind" = 'UPGRADE_CREDIT') AND "unitPriceOre" >= 0
         AND "lineExclVatOre" = "quantity" * "unitPriceOre" AND "vatRateBp" BETWEEN 0 AND 10000);

-- Issued invoices and credit notes are never edited: only an invoice's status and paidAt may change,
-- and no issued line may change or go (corrections are credit notes).
-- The body is an E-string with \073 for the statement separator: the migration runner splits the
-- file on that character and knows nothing of function bodies.
CREATE FUNCTION verkstad_refuse_issued_document_change() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = ''Invoice'' AND TG_OP = ''UPDATE'' THEN
    IF (to_jsonb(NEW) - ''status'' - ''paidAt'') = (to_jsonb(OLD) - ''status'' - ''paidAt'') THEN
      RETURN NEW\073
    END IF\073
  END IF\073
  RAISE EXCEPTION ''issued % rows are never changed (% refused)'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''check_violation''\073
END
';
CREATE TRIGGER "Invoice_issued_immutable" BEFORE UPDATE OR DELETE ON "Invoice" FOR EACH ROW EXECUTE FUNCTION verkstad_refuse_issued_document_change();
CREATE TRIGGER "InvoiceLine_issued_immutable" BEFORE UPDATE OR DELETE ON "InvoiceLine" FOR EACH ROW EXECUTE FUNCTION verkstad_refuse_issued_document_change();
CREATE TRIGGER "CreditNote_issued_immutable" BEFORE UPDATE OR DELETE ON "CreditNote" FOR EACH ROW EXECUTE FUNCTION verkstad_refuse_issued_document_change();
CREATE TRIGGER "CreditNoteLine_issued_immutable" BEFORE UPDATE OR DELETE ON "CreditNoteLine" FOR EACH ROW EXECUTE FUNCTION verkstad_refuse_issued_document_change();
