import "server-only";
import { hashSecret } from "@/lib/auth/tokens";
import { needsPreTrainingForm } from "@/lib/domain/pre-training";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The shape of the secret in a manager's link (see newManagerToken); anything else matches nothing. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const select = {
  id: true,
  expectedGain: true,
  disseminationPlan: true,
  managerName: true,
  submittedAt: true,
  managerConfirmedAt: true,
  booking: {
    select: {
      kind: true,
      status: true,
      participant: { select: { name: true, email: true, otherOrganisationName: true, organisation: { select: { name: true } } } },
      workshop: { select: { title: true, startsOn: true, endsOn: true } },
    },
  },
} satisfies Prisma.PreTrainingFormSelect;

export type FormByManagerToken = Prisma.PreTrainingFormGetPayload<{ select: typeof select }>;

/**
 * The submitted form a manager's link points to, or null: an unknown or malformed token, a link
 * replaced by a newer submission, or a booking that no longer holds a place all look the same.
 */
export async function findFormByManagerToken(client: Prisma.TransactionClient, token: string): Promise<FormByManagerToken | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const form = await client.preTrainingForm.findUnique({ where: { managerTokenHash: hashSecret(token) }, select });
  if (!form || !form.submittedAt || !needsPreTrainingForm(form.booking)) return null;
  return form;
}
