"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { consolidatedInvoicingInput, runConsolidatedInvoicing } from "@/lib/server/billing/consolidated-invoicing";

/** Billing actions of the admin area: thin, each validates, checks the role and calls one use case. */

export const runConsolidatedInvoicingAction = defineAction({
  name: "billing.runConsolidatedInvoicing",
  access: { kind: "permission", permission: "billing.run" },
  input: consolidatedInvoicingInput,
  run: async ({ input, user, now }) => {
    const result = await runConsolidatedInvoicing(user, input, now);
    revalidatePath("/[locale]/(admin)/admin/billing", "layout");
    return result;
  },
});
