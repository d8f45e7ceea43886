import "server-only";
import { can } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { attendanceSessionKey, bookingCoversSession, mayRecordAttendance } from "@/lib/domain/attendance";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/validation/fields";
import { countByOrganisation, emptyCounts, publishedWorkshops, type OrganisationCounts, type WorkshopChoice } from "./organisation-counts";

export const organisationPageInput = z.object({ organisationId: idField, workshop: idField.optional() });
export type OrganisationPageInput = z.output<typeof organisationPageInput>;

export type OrganisationPersonBooking = {
  id: string;
  kind: "LECTURE" | "PACKAGE";
  ownProject: boolean;
  status: "PENDING_PAYMENT" | "CONFIRMED";
  /** Lecture bookings: the lecture's title. */
  lectureTitle: string | null;
};

export type OrganisationPerson = {
  id: string;
  name: string | null;
  email: string;
  bookings: OrganisationPersonBooking[];
  /** Sessions that have begun and that a confirmed booking of theirs covers, and their marks there. */
  attendance: { sessions: number; present: number; absent: number };
};

export type OrganisationOverview = {
  organisation: { id: string; name: string };
  workshops: WorkshopChoice[];
  workshop: WorkshopChoice | null;
  counts: OrganisationCounts;
  people: OrganisationPerson[];
};

/**
 * One organisation's overview of a published workshop: its figures and its people, each with
 * their bookings (holding a seat) and attendance so far. Coordinators and admins see any
 * organisation; an orderer only their own; for anyone else (and for a draft workshop) it is
 * NOT_FOUND, as if it did not exist.
 */
export async function getOrganisationOverview(user: SessionUser, input: OrganisationPageInput, now: Date): Promise<OrganisationOverview> {
  const staff = can(user, "organisation.readAny");
  const ownOrderer = can(user, "organisation.readOwn") && user.organisationId === input.organisationId;
  if (!staff && !ownOrderer) throw new AppError("NOT_FOUND");

  return db.$transaction(
    async (tx) => {
      const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } });
      if (!organisation) throw new AppError("NOT_FOUND");
      const { workshops, current } = await publishedWorkshops(tx, now);
      const workshop = workshops.find((w) => w.id === (input.workshop ?? current)) ?? null;
      if (input.workshop && !workshop) throw new AppError("NOT_FOUND");
      if (!workshop) return { organisation, workshops, workshop, counts: emptyCounts(), people: [] };

      const visible = { workshopId: workshop.id, status: "PUBLISHED" as const };
      const [counts, bookings, lectures, gatherings] = await Promise.all([
        countByOrganisation(tx, workshop.id, organisation.id),
        tx.booking.findMany({
          where: { workshopId: workshop.id, status: { in: ["PENDING_PAYMENT", "CONFIRMED"] }, participant: { organisationId: organisation.id } },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            kind: true,
            status: true,
            ownProject: true,
            workshopId: true,
            lectureId: true,
            participantId: true,
            lecture: { select: { title: true } },
            participant: { select: { name: true, email: true } },
          },
        }),
        tx.lecture.findMany({ where: visible, select: { id: true, startsAt: true } }),
        tx.gathering.findMany({ where: visible, select: { id: true, startsAt: true } }),
      ]);
      const begun = [...lectures.map((s) => ({ ...s, kind: "lecture" as const })), ...gatherings.map((s) => ({ ...s, kind: "gathering" as const }))].filter((s) =>
        mayRecordAttendance(s.startsAt, now),
      );
      const marks = await tx.attendance.findMany({
        where: { participantId: { in: [...new Set(bookings.map((b) => b.participantId))] }, sessionKey: { in: begun.map((s) => attendanceSessionKey(s)) } },
        select: { participantId: true, sessionKey: true, present: true },
      });

      const people = new Map<string, OrganisationPerson>();
      for (const b of bookings) {
        const person = people.get(b.participantId) ?? {
          id: b.participantId,
          name: b.participant.name,
          email: b.participant.email,
          bookings: [],
          attendance: { sessions: 0, present: 0, absent: 0 },
        };
        person.bookings.push({
          id: b.id,
          kind: b.kind,
          ownProject: b.ownProject,
          status: b.status as "PENDING_PAYMENT" | "CONFIRMED",
          lectureTitle: b.lecture?.title ?? null,
        });
        people.set(b.participantId, person);
      }
      for (const person of people.values()) {
        const own = bookings.filter((b) => b.participantId === person.id);
        person.attendance.sessions = begun.filter((s) => own.some((b) => bookingCoversSession(b, { kind: s.kind, id: s.id, workshopId: workshop.id }))).length;
        for (const m of marks.filter((m) => m.participantId === person.id)) {
          if (m.present) person.attendance.present += 1;
          else person.attendance.absent += 1;
        }
      }
      const sorted = [...people.values()].sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "sv") || a.email.localeCompare(b.email));
      return { organisation, workshops, workshop, counts: counts.get(organisation.id) ?? emptyCounts(), people: sorted };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
