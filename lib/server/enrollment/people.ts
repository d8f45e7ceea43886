import "server-only";
import { can, DEFAULT_ROLE } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { emailField } from "@/lib/validation/fields";

/**
 * Who a booking or a waiting-list place is for. Shared by booking, joining the waiting list and
 * substitution: an orderer names colleagues of their own organisation by e-mail, and addresses
 * without an account get one (an invitation goes out with the booking's e-mail).
 */

export const MAX_PEOPLE_PER_ORDER = 30;

/** An HTML checkbox: "on" when ticked, missing when not. */
export const checkboxField = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

/** A repeated form field (or a JSON array); blanks dropped. */
export const listField = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(item).max(max, { error: "tooMany" }),
  );

/** The fields that say who an order or waiting-list place is for. */
export const peopleFields = {
  /** Colleagues an orderer adds (their e-mail addresses); empty when acting for oneself. */
  participantEmails: listField(emailField, MAX_PEOPLE_PER_ORDER).default([]),
  /** An orderer may include themselves. Participants always act for themselves. */
  includeSelf: checkboxField.default(true),
};

export type Person = { id: string; email: string; name: string | null; locale: "sv" | "en"; organisationId: string | null; invited: boolean };

type Tx = Prisma.TransactionClient;

/**
 * Who the order (or waiting-list place) is for. A participant acts for themselves. An orderer
 * names colleagues of their own organisation by e-mail: unknown addresses get an account; someone
 * of another organisation cannot be added by them.
 */
export async function resolvePeople(tx: Tx, user: SessionUser, input: { participantEmails: string[]; includeSelf: boolean }): Promise<Person[]> {
  const self: Person = { id: user.id, email: user.email, name: user.name, locale: user.locale, organisationId: user.organisationId, invited: false };
  const others = input.participantEmails.filter((e) => e !== user.email);
  if (others.length === 0) return [self];
  if (!can(user, "booking.bookForOthers")) throw new AppError("FORBIDDEN", "Only orderers book for others");
  if (!user.organisationId) {
    throw new AppError("INVALID_INPUT", "Orderer without organisation", { participantEmails: ["ordererNeedsOrganisation"] });
  }
  const colleagues = await findOrInviteColleagues(tx, {
    emails: others,
    organisationId: user.organisationId,
    invitedBy: { id: user.id, locale: user.locale },
    field: "participantEmails",
  });
  const people = input.includeSelf ? [self, ...colleagues] : colleagues;
  if (people.length === 0) throw new AppError("INVALID_INPUT", "Nobody to book", { participantEmails: ["required"] });
  return people;
}

/**
 * People of one organisation by e-mail, in the order given. Someone erased or employed elsewhere
 * is refused (on `field`, naming the addresses); a person without an organisation on file is taken
 * as a colleague; an unknown address becomes an invited participant of the organisation.
 */
export async function findOrInviteColleagues(
  tx: Tx,
  options: { emails: readonly string[]; organisationId: string; invitedBy: { id: string; locale: "sv" | "en" }; field: string },
): Promise<Person[]> {
  const { emails, organisationId, invitedBy, field } = options;
  const found = await tx.user.findMany({
    where: { email: { in: [...emails] } },
    select: { id: true, email: true, name: true, locale: true, organisationId: true, erasedAt: true },
  });
  const wrong = found.filter((u) => u.erasedAt || (u.organisationId !== null && u.organisationId !== organisationId));
  if (wrong.length > 0) {
    throw new AppError("INVALID_INPUT", "Not a colleague", {
      [field]: [{ key: "notColleague", params: { emails: wrong.map((u) => u.email).join(", ") } }],
    });
  }
  const people: Person[] = [];
  for (const email of emails) {
    const known = found.find((u) => u.email === email);
    if (known) {
      people.push({ id: known.id, email, name: known.name, locale: known.locale, organisationId: known.organisationId, invited: false });
      continue;
    }
    const created = await tx.user.create({
      data: { email, organisationId, locale: invitedBy.locale, roles: { create: { role: DEFAULT_ROLE, grantedById: invitedBy.id } } },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorId: invitedBy.id, action: "user.invited", entityType: "User", entityId: created.id, after: { email } });
    people.push({ id: created.id, email, name: null, locale: invitedBy.locale, organisationId, invited: true });
  }
  return people;
}
