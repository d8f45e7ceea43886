/**
 * Test-data factories. Each takes a Prisma client (or transaction client) first and fills in
 * sensible, unique defaults; the demo seed (prisma/seed.ts) builds its data with the same functions.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { BookingKind, BookingStatus, PmStatus, Role } from "@/lib/generated/prisma/enums";
import { formatOrgNumber, withCheckDigit } from "@/lib/domain/invoicing/org-number";
import { localDateToDateColumn, stockholmToInstant } from "@/lib/domain/time";

export type Db = PrismaClient | Prisma.TransactionClient;

let sequence = 0;
const next = () => ++sequence;

export async function createOrganiser(db: Db, data: Partial<Prisma.OrganiserUncheckedCreateInput> = {}) {
  const n = next();
  // Valid (Luhn-checked) organisation numbers, as Peppol's rules demand of invoices.
  const orgNumber = withCheckDigit(`222${String(n % 1_000_000).padStart(6, "0")}`);
  return db.organiser.create({
    data: {
      name: `FoU Test ${n}`,
      orgNumber: formatOrgNumber(orgNumber),
      vatNumber: `SE${orgNumber}01`,
      bankgiro: "123-4567",
      email: `fou${n}@verkstad.test`,
      streetAddress: "Storgatan 1",
      postalCode: "503 30",
      city: "Borås",
      ...data,
    },
  });
}

type WorkshopInput = Partial<Omit<Prisma.WorkshopUncheckedCreateInput, "startsOn" | "endsOn" | "pmDeadline" | "cancellationDeadline" | "followUpOn">> & {
  organiserId: string;
  startsOn?: string;
  endsOn?: string;
  pmDeadline?: string;
  cancellationDeadline?: string;
  followUpOn?: string | null;
};

export async function createWorkshop(db: Db, input: WorkshopInput) {
  const n = next();
  const { startsOn = "2027-01-14", endsOn = "2027-06-10", pmDeadline = "2027-01-08", cancellationDeadline = "2026-12-31", followUpOn = "2027-12-09", ...rest } = input;
  return db.workshop.create({
    data: {
      slug: `verkstad-${n}`,
      edition: "2026/27",
      title: `Förbättringsverkstad ${n}`,
      summary: "Ett halvår av lärande och stöd i förbättringsarbete.",
      description: "Samlingar, föreläsningar, handledning och uppföljning.",
      status: "PUBLISHED",
      packageCapacity: 30,
      packagePriceMemberOre: 1_200_000,
      packagePriceNonMemberOre: 1_600_000,
      packageVatRateBp: 0,
      publishedAt: rest.status === "DRAFT" ? null : new Date("2026-10-01T08:00:00Z"),
      ...rest,
      startsOn: localDateToDateColumn(startsOn),
      endsOn: localDateToDateColumn(endsOn),
      pmDeadline: localDateToDateColumn(pmDeadline),
      cancellationDeadline: localDateToDateColumn(cancellationDeadline),
      followUpOn: followUpOn ? localDateToDateColumn(followUpOn) : null,
    },
  });
}

export async function createVenue(db: Db, data: Partial<Prisma.VenueUncheckedCreateInput> = {}) {
  const n = next();
  return db.venue.create({
    data: { name: `Lokal ${n}`, streetAddress: `Gatan ${n}`, postalCode: "503 30", city: "Borås", ...data },
  });
}

export async function createLecturer(db: Db, data: Partial<Prisma.LecturerUncheckedCreateInput> = {}) {
  const n = next();
  return db.lecturer.create({ data: { name: `Föreläsare ${n}`, affiliation: "Högskolan i Borås", ...data } });
}

type SessionTimes = { date?: string; from?: string; to?: string };

export async function createGathering(
  db: Db,
  input: Partial<Omit<Prisma.GatheringUncheckedCreateInput, "startsAt" | "endsAt">> & { workshopId: string; venueId: string } & SessionTimes,
) {
  const n = next();
  const { date = "2027-01-14", from = "09:00", to = "16:00", ...rest } = input;
  return db.gathering.create({
    data: {
      number: n,
      title: `Samling ${n}`,
      capacity: 40,
      status: "PUBLISHED",
      ...rest,
      startsAt: stockholmToInstant(date, from),
      endsAt: stockholmToInstant(date, to),
    },
  });
}

export async function createLecture(
  db: Db,
  input: Partial<Omit<Prisma.LectureUncheckedCreateInput, "startsAt" | "endsAt">> & {
    workshopId: string;
    venueId: string;
    lecturerId: string;
  } & SessionTimes,
) {
  const n = next();
  const { date = "2027-02-04", from = "09:00", to = "12:00", ...rest } = input;
  return db.lecture.create({
    data: {
      slug: `forelasning-${n}`,
      title: `Föreläsning ${n}`,
      theme: "Förbättringsarbete",
      capacity: 50,
      priceMemberOre: 190_000,
      priceNonMemberOre: 240_000,
      vatRateBp: 0,
      status: "PUBLISHED",
      ...rest,
      startsAt: stockholmToInstant(date, from),
      endsAt: stockholmToInstant(date, to),
    },
  });
}

export async function createOrganisation(db: Db, data: Partial<Prisma.OrganisationUncheckedCreateInput> = {}) {
  const n = next();
  return db.organisation.create({ data: { name: `Testkommun ${n}`, type: "MEMBER_MUNICIPALITY", ...data } });
}

export async function createUser(
  db: Db,
  input: Partial<Omit<Prisma.UserUncheckedCreateInput, "roles">> & { roles?: Role[] } = {},
) {
  const n = next();
  const { roles = ["PARTICIPANT"], email = `person${n}@verkstad.test`, ...rest } = input;
  return db.user.create({
    data: {
      email: email.toLowerCase(),
      name: `Person ${n}`,
      profileCompletedAt: new Date("2026-10-01T08:00:00Z"),
      ...rest,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
}

/**
 * A booking with consistent seat counters: an active lecture booking takes a seat in the lecture,
 * an active package booking takes one in the package and in every gathering and lecture of the workshop.
 * The conditional updates refuse to overbook, as the real booking service does.
 */
export async function createBooking(
  db: Db,
  input: {
    kind: BookingKind;
    workshopId: string;
    participantId: string;
    lectureId?: string;
    bookedById?: string;
    status?: BookingStatus;
    ownProject?: boolean;
    holdExpiresAt?: Date | null;
    orderId?: string;
  },
) {
  const status = input.status ?? "CONFIRMED";
  const active = status === "PENDING_PAYMENT" || status === "CONFIRMED";
  if (input.kind === "LECTURE" && !input.lectureId) throw new Error("A lecture booking needs lectureId");
  if (active) {
    if (input.kind === "LECTURE") {
      const taken = await db.$executeRaw`
        update "Lecture" set "seatsTaken" = "seatsTaken" + 1 where id = ${input.lectureId} and "seatsTaken" < capacity`;
      if (taken !== 1) throw new Error(`Lecture ${input.lectureId} is full`);
    } else {
      const taken = await db.$executeRaw`
        update "Workshop" set "packageSeatsTaken" = "packageSeatsTaken" + 1
        where id = ${input.workshopId} and "packageSeatsTaken" < "packageCapacity"`;
      if (taken !== 1) throw new Error(`Workshop ${input.workshopId} package is full`);
      await db.$executeRaw`update "Gathering" set "seatsTaken" = "seatsTaken" + 1 where "workshopId" = ${input.workshopId}`;
      await db.$executeRaw`update "Lecture" set "seatsTaken" = "seatsTaken" + 1 where "workshopId" = ${input.workshopId}`;
    }
  }
  const key = input.kind === "LECTURE" ? `L:${input.lectureId}` : `P:${input.workshopId}`;
  return db.booking.create({
    data: {
      kind: input.kind,
      workshopId: input.workshopId,
      lectureId: input.kind === "LECTURE" ? input.lectureId : null,
      participantId: input.participantId,
      bookedById: input.bookedById ?? input.participantId,
      orderId: input.orderId,
      status,
      ownProject: input.kind === "PACKAGE" ? Boolean(input.ownProject) : false,
      activeSessionKey: active ? key : null,
      holdExpiresAt: status === "PENDING_PAYMENT" ? (input.holdExpiresAt ?? new Date(Date.now() + 30 * 60_000)) : null,
      confirmedAt: status === "CONFIRMED" ? new Date("2026-10-15T08:00:00Z") : null,
      cancelledAt: status === "CANCELLED" ? new Date("2026-10-20T08:00:00Z") : null,
    },
  });
}

type PmTexts = { title: string; need: string; backgroundPurpose: string; method?: string | null; workplace: string; unit: string };

const defaultPm: PmTexts = {
  title: "Minskad väntetid till hemtjänst",
  need: "Nya brukare väntar i snitt tre veckor på första besöket.",
  backgroundPurpose: "Syftet är att korta väntetiden genom en tydligare överlämning från biståndshandläggare.",
  method: "Kartläggning av flödet, PDSA-cykler och mätning varje vecka.",
  workplace: "Hemtjänsten",
  unit: "Område norr",
};

/**
 * A project PM whose revisions and reviews match its status: a submitted PM has revision 1,
 * a reviewed one also a review with the decision that led to its status.
 */
export async function createProjectPm(
  db: Db,
  input: { bookingId: string; workshopId: string; participantId: string; status?: PmStatus; reviewerId?: string; texts?: Partial<PmTexts>; comment?: string },
) {
  const status = input.status ?? "DRAFT";
  const texts = { ...defaultPm, ...input.texts };
  const submittedAt = new Date("2027-01-05T09:00:00Z");
  const pm = await db.projectPm.create({
    data: {
      bookingId: input.bookingId,
      workshopId: input.workshopId,
      participantId: input.participantId,
      status,
      ...texts,
      method: texts.method ?? null,
      reviewerId: status === "DRAFT" ? null : (input.reviewerId ?? null),
      submittedAt: status === "DRAFT" ? null : submittedAt,
      decidedAt: ["ACCEPTED", "DECLINED", "CHANGES_REQUESTED"].includes(status) ? new Date("2027-01-07T13:00:00Z") : null,
    },
  });
  if (status === "DRAFT") return pm;
  const revision = await db.projectPmRevision.create({
    data: { pmId: pm.id, number: 1, ...texts, method: texts.method ?? null, submittedAt },
  });
  const decision = status === "ACCEPTED" ? "ACCEPT" : status === "DECLINED" ? "DECLINE" : status === "CHANGES_REQUESTED" ? "REQUEST_CHANGES" : null;
  if (decision) {
    if (!input.reviewerId) throw new Error("A reviewed PM needs reviewerId");
    await db.pmReview.create({
      data: {
        pmId: pm.id,
        revisionId: revision.id,
        reviewerId: input.reviewerId,
        decision,
        comment: input.comment ?? (decision === "ACCEPT" ? "Tydligt och genomförbart. Välkommen!" : "Beskriv gärna hur ni ska mäta väntetiden."),
      },
    });
  }
  return pm;
}

export async function createSupervision(
  db: Db,
  input: { pmId: string; supervisorId: string; assignedById: string; startsOn?: string; endsOn?: string; plannedMeetings?: number },
) {
  return db.supervision.create({
    data: {
      pmId: input.pmId,
      supervisorId: input.supervisorId,
      assignedById: input.assignedById,
      startsOn: localDateToDateColumn(input.startsOn ?? "2027-01-14"),
      endsOn: localDateToDateColumn(input.endsOn ?? "2027-06-14"),
      plannedMeetings: input.plannedMeetings ?? 5,
    },
  });
}

export async function createSupervisionMeeting(
  db: Db,
  input: { supervisionId: string; loggedById: string; heldOn?: string; form?: "IN_PERSON" | "VIDEO" | "PHONE"; note?: string },
) {
  return db.supervisionMeeting.create({
    data: {
      supervisionId: input.supervisionId,
      loggedById: input.loggedById,
      heldOn: localDateToDateColumn(input.heldOn ?? "2027-02-10"),
      form: input.form ?? "VIDEO",
      note: input.note ?? "Gick igenom mätplanen. Nästa steg: första PDSA-cykeln.",
    },
  });
}
