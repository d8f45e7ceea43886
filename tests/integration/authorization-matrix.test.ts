/**
 * Who may call what: every server action (app/_actions) and every route handler (app/api), called
 * for real as every kind of visitor, against the database.
 *
 * This is the test of the guards themselves. Loosen one (change admin.changeRole's access to
 * {kind: "user"}, drop a permission check from a route, or give a role one more permission in the
 * table in lib/domain/roles.ts) and the visitors MATRIX says "deny" get through, so this test
 * fails. MATRIX is written out by hand on purpose: it is the reviewed policy, and the test reads
 * the permission table to show that each action's declared permission gives exactly the roles its
 * row allows. Add an action or a route without a row in MATRIX and it fails too: nothing
 * new ships before someone has decided, here, who may call it.
 *
 * deny  → the action answers UNAUTHENTICATED (signed out), FORBIDDEN or PROFILE_INCOMPLETE, and
 *         writes nothing; a route answers 401, 403 or 404, and writes nothing.
 * allow → the action succeeds (ok, or the redirect it ends with); a route answers below 400.
 */
import { can, isRoleName } from "@/lib/domain/roles";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { hashSecret } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { toStockholmDate } from "@/lib/domain/time";
import { getEnv } from "@/lib/env";
import type { User } from "@/lib/generated/prisma/client";
import type { FakeStripe } from "@/lib/dev/fake-stripe";
import type { DefinedAction } from "@/lib/server/action";
import { payByInvoice, payByInvoiceInput } from "@/lib/server/billing/pay-by-invoice";
import { uploadPmAttachment } from "@/lib/server/pm/upload-pm-attachment";
import { createFeedToken } from "@/lib/server/calendar/create-feed-token";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { cancelBooking, cancelBookingInput } from "@/lib/server/enrollment/cancel-booking";
import { joinWaitlist, joinWaitlistInput } from "@/lib/server/enrollment/join-waitlist";
import { newManagerToken } from "@/lib/server/pre-training/submit-pre-training-form";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createProjectPm,
  createSupervision,
  createUser,
  createVenue,
  createWorkshop,
} from "@/tests/factories";
import { minimalPdf } from "../support/pm-files";
import { startTestStripe } from "./support/fake-stripe";
import { callAction, createPerson, signedInUser, signInAs, writeMarks } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const PERSONAS = ["anonymous", "PARTICIPANT", "ORDERER", "COORDINATOR", "SUPERVISOR", "ADMIN", "INCOMPLETE_PROFILE"] as const;
type Persona = (typeof PERSONAS)[number];
type Verdict = "allow" | "deny";

const ADMIN_ONLY: Record<Persona, Verdict> = {
  anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
};

const SIGNED_IN: Record<Persona, Verdict> = {
  anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
};
const COORDINATION: Record<Persona, Verdict> = {
  anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "allow", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
};

/** Actions by their `name`, routes as "METHOD /api/path" (the folder names, [params] and all). */
const MATRIX: Record<string, Record<Persona, Verdict>> = {
  "accounts.requestSignInLink": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "accounts.completeProfile": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "accounts.switchLanguage": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "admin.changeRole": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  "enrollment.bookSessions": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  "enrollment.joinWaitlist": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  // Accepting and leaving: only the person queued or whoever queued them (the use case: anyone else NOT_FOUND).
  "enrollment.acceptOffer": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  "enrollment.leaveWaitlist": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  // Participants and orderers their own bookings; coordinators and admins anyone's (the inputs give staff someone else's).
  "enrollment.cancelBooking": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  "enrollment.substituteBooking": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  // Any signed-in person with a completed profile, for their own package booking (anyone else's: NOT_FOUND).
  "preTraining.save": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  "preTraining.submit": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  // The manager has no account: the secret in the link is the authority.
  "preTraining.managerConfirm": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  // Paying: whoever placed the order (participants and orderers book; the use case: anyone else's order NOT_FOUND).
  "billing.startCardCheckout": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  "billing.payByInvoice": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  "billing.runConsolidatedInvoicing": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  // The project PM: any signed-in person with a completed profile, for their own own-project package
  // booking (anyone else's: NOT_FOUND, tests/integration/pm-authoring.test.ts).
  "pm.saveDraft": SIGNED_IN,
  "pm.submit": SIGNED_IN,
  "pm.uploadAttachment": SIGNED_IN,
  "pm.removeAttachment": SIGNED_IN,
  // Coordinators (and admins) give extensions and review; never a participant, supervisor or orderer.
  "pm.grantExtension": COORDINATION,
  "pmReview.assignReviewer": COORDINATION,
  "pmReview.decide": COORDINATION,
  // Supervision: coordinators assign; the assigned supervisor logs meetings (another's: NOT_FOUND,
  // tests/integration/supervision.test.ts); the supervisor or coordination closes it.
  "supervision.assign": COORDINATION,
  "supervision.logMeeting": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "allow", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  "supervision.complete": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  // A private calendar link: every signed-in person with a completed profile, their own link only.
  "calendar.createFeedToken": SIGNED_IN,
  "calendar.revokeFeedToken": SIGNED_IN,
  // Attendance is recorded by coordination (coordinators and admins), for anyone booked.
  "attendance.record": COORDINATION,
  "attendance.recordBatch": COORDINATION,
  // The calendar editor: admins only.
  "calendarAdmin.createWorkshop": ADMIN_ONLY,
  "calendarAdmin.updateWorkshop": ADMIN_ONLY,
  "calendarAdmin.duplicateWorkshop": ADMIN_ONLY,
  "calendarAdmin.publishWorkshop": ADMIN_ONLY,
  "calendarAdmin.unpublishWorkshop": ADMIN_ONLY,
  "calendarAdmin.deleteWorkshop": ADMIN_ONLY,
  "calendarAdmin.createVenue": ADMIN_ONLY,
  "calendarAdmin.updateVenue": ADMIN_ONLY,
  "calendarAdmin.deleteVenue": ADMIN_ONLY,
  "calendarAdmin.createLecturer": ADMIN_ONLY,
  "calendarAdmin.updateLecturer": ADMIN_ONLY,
  "calendarAdmin.deleteLecturer": ADMIN_ONLY,
  "sessionAdmin.createLecture": ADMIN_ONLY,
  "sessionAdmin.updateLecture": ADMIN_ONLY,
  "sessionAdmin.createGathering": ADMIN_ONLY,
  "sessionAdmin.updateGathering": ADMIN_ONLY,
  "sessionAdmin.publishSession": ADMIN_ONLY,
  "sessionAdmin.cancelSession": ADMIN_ONLY,
  "sessionAdmin.deleteSession": ADMIN_ONLY,
  "GET /api/health": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "GET /api/auth/[...nextauth]": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  // next-auth's own "e-mail me a link" endpoint, closed to everyone (links come from accounts.requestSignInLink).
  "POST /api/auth/[...nextauth]": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  // enrollment.bookSessions over JSON: 401 signed out, 403 for the other roles.
  "POST /api/bookings": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  // Called with a third person's booking: staff may read anyone's, everyone else gets 404. The
  // participant's and the booker's own download is tested below the matrix.
  "GET /api/calendar/bookings/[bookingId]": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "allow", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  // Invoices, credit notes and receipts of a third person's order: only admins (the person who
  // placed the order gets them too: tests/integration/billing-files.test.ts).
  "GET /api/invoices/[invoiceId]/pdf": ADMIN_ONLY,
  "GET /api/invoices/[invoiceId]/ubl": ADMIN_ONLY,
  "GET /api/credit-notes/[creditNoteId]/pdf": ADMIN_ONLY,
  "GET /api/credit-notes/[creditNoteId]/ubl": ADMIN_ONLY,
  "GET /api/payments/[paymentId]/receipt": ADMIN_ONLY,
  "GET /api/admin/billing/export": ADMIN_ONLY,
  // A third person's PM attachment: coordinators and admins (its participant and assigned supervisor
  // too: tests/integration/pm-authoring.test.ts); an unassigned supervisor and everyone else 404.
  "GET /api/pm-attachments/[attachmentId]": COORDINATION,
  // A published workshop's public calendar feed: anyone (a draft's is 404 for everyone, tests/integration/calendar-feeds.test.ts).
  "GET /api/calendar/workshops/[slug]": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  // A private feed: the secret in the address is the authority, not a session.
  "GET /api/calendar/feed/[token]": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  // The cached calendar page's header asks who is signed in: it only describes the caller's own session.
  "GET /api/session-header": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  // A workshop's participants: coordination only (an orderer may export only their own organisation:
  // tests/integration/participant-exports.test.ts).
  "GET /api/exports/participants": COORDINATION,
  // Stripe calls it: the signature on the body is the authority, not a session.
  "POST /api/stripe/webhook": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
};

let sequence = 0;

/**
 * A valid input for each action, creating the rows it refers to. The test signs in first and then
 * calls these, so an input that must be "one's own" belongs to whoever is signed in (`owner`).
 */
const ACTION_INPUTS: Record<string, () => Promise<unknown>> = {
  "accounts.requestSignInLink": async () => ({ email: `lank${++sequence}@kommun.test`, locale: "sv" }),
  "accounts.completeProfile": async () => {
    const organisation = await createOrganisation(db);
    return { name: "Ada Lund", title: "Utvecklingsledare", organisationId: organisation.id, locale: "sv" };
  },
  "accounts.switchLanguage": async () => ({ locale: "en", returnTo: "/mitt-konto" }),
  "admin.changeRole": async () => {
    const target = await createUser(db, { roles: ["PARTICIPANT"] });
    return { userId: target.id, role: "COORDINATOR", grant: true };
  },
  "enrollment.bookSessions": async () => {
    const lecture = await bookableLecture();
    return { workshopId: lecture.workshopId, kind: "LECTURE", lectureIds: [lecture.id], idempotencyKey: randomUUID() };
  },
  "enrollment.joinWaitlist": async () => {
    const { lecture } = await fullLecture();
    return { workshopId: lecture.workshopId, kind: "LECTURE", lectureId: lecture.id };
  },
  "enrollment.acceptOffer": async () => {
    // Queued behind a full lecture, then the seat is freed: the offer takes it (offer-freed-seats.ts).
    const person = await owner();
    const { lecture, blocker } = await fullLecture();
    const entryId = await queueFor(person, lecture);
    await cancelBooking(await staffMember(), cancelBookingInput.parse({ bookingId: blocker.id, reason: "" }), new Date());
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } }), "the fixture's offer").toMatchObject({ status: "OFFERED", participantId: person.id });
    return { entryId };
  },
  "enrollment.leaveWaitlist": async () => {
    const person = await owner();
    const { lecture } = await fullLecture();
    return { entryId: await queueFor(person, lecture) };
  },
  "enrollment.cancelBooking": async () => {
    const person = await owner({ othersForStaff: true });
    const lecture = await bookableLecture();
    const booking = await createBooking(db, { kind: "LECTURE", workshopId: lecture.workshopId, lectureId: lecture.id, participantId: person.id });
    return { bookingId: booking.id, reason: "" };
  },
  "enrollment.substituteBooking": async () => {
    // The colleague is found in the participant's organisation, so the participant needs one.
    const person = await withOrganisation(await owner({ othersForStaff: true }));
    const lecture = await bookableLecture();
    const booking = await createBooking(db, { kind: "LECTURE", workshopId: lecture.workshopId, lectureId: lecture.id, participantId: person.id });
    return { bookingId: booking.id, email: `ny.kollega.${++sequence}@kommun.test` };
  },
  "billing.startCardCheckout": async () => ({ orderId: (await pendingOrderOf(await owner())).orderId, locale: "sv" }),
  "billing.payByInvoice": async () => ({
    orderId: (await pendingOrderOf(await withOrganisation(await owner()))).orderId,
    buyerReference: "REF-4711",
    costCentre: "",
    "recipient.name": "Testkommun",
    "recipient.orgNumber": "212000-1561",
    "recipient.peppolEndpoint": "",
    "recipient.street": "Box 100",
    "recipient.postalCode": "501 80",
    "recipient.city": "Borås",
    "recipient.email": "",
    locale: "sv",
  }),
  "billing.runConsolidatedInvoicing": async () => ({ workshopId: (await futureWorkshop()).workshop.id }),
  "pm.saveDraft": async () => ({ bookingId: (await ownProjectBooking((await owner()).id)).id, ...pmTexts() }),
  "pm.submit": async () => ({ bookingId: (await ownProjectBooking((await owner()).id)).id, ...pmTexts() }),
  "pm.uploadAttachment": async () => ({ bookingId: (await ownProjectBooking((await owner()).id)).id, file: pmFile() }),
  "pm.removeAttachment": async () => {
    const person = await owner();
    const booking = await ownProjectBooking(person.id);
    await uploadPmAttachment(person, { bookingId: booking.id, file: pmFile() }, { now: new Date() });
    return { bookingId: booking.id };
  },
  "pm.grantExtension": async () => ({ bookingId: (await ownProjectBooking((await thirdPerson()).id)).id, newDeadline: "2031-01-20", reason: "Sjukskriven i december" }),
  "pmReview.assignReviewer": async () => ({ pmId: (await submittedPm()).pm.id, reviewerId: "" }),
  "pmReview.decide": async () => {
    const { pm, revisionId } = await submittedPm();
    return { pmId: pm.id, revisionId, decision: "ACCEPT", comment: "" };
  },
  "supervision.assign": async () => {
    const pm = await acceptedPm();
    const supervisor = await createUser(db, { roles: ["SUPERVISOR"] });
    return { pmId: pm.id, supervisorId: supervisor.id, startsOn: "2031-01-14", plannedMeetings: "5" };
  },
  "supervision.logMeeting": async () => {
    const today = toStockholmDate(new Date());
    return { supervisionId: (await supervisionOf(await owner(), today)).id, heldOn: today, form: "VIDEO", note: "Gick igenom mätplanen." };
  },
  "supervision.complete": async () => ({ supervisionId: (await supervisionOf(await owner({ othersForStaff: true }))).id }),
  "preTraining.save": async () => ({ bookingId: (await packageBooking((await owner()).id)).id, ...preTrainingAnswers() }),
  "preTraining.submit": async () => ({ bookingId: (await packageBooking((await owner()).id)).id, ...preTrainingAnswers() }),
  "calendar.createFeedToken": async () => ({}),
  "calendar.revokeFeedToken": async () => ({}),
  "attendance.record": async () => {
    const { lecture, booking } = await startedLectureBooking();
    return { sessionRef: `l-${lecture.id}`, participantId: booking.participantId, present: true };
  },
  "attendance.recordBatch": async () => {
    const { lecture, booking } = await startedLectureBooking();
    return { sessionRef: `l-${lecture.id}`, marks: [{ participantId: booking.participantId, present: false }] };
  },
  "calendarAdmin.createWorkshop": async () => workshopFields(),
  "calendarAdmin.updateWorkshop": async () => ({ workshopId: (await futureWorkshop()).workshop.id, ...(await workshopFields()) }),
  "calendarAdmin.duplicateWorkshop": async () => ({ workshopId: (await futureWorkshop()).workshop.id }),
  "calendarAdmin.publishWorkshop": async () => {
    const { workshop, venue } = await futureWorkshop({ status: "DRAFT" });
    await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: FUTURE.gathering, status: "DRAFT" });
    return { workshopId: workshop.id };
  },
  "calendarAdmin.unpublishWorkshop": async () => ({ workshopId: (await futureWorkshop()).workshop.id }),
  "calendarAdmin.deleteWorkshop": async () => ({ workshopId: (await futureWorkshop({ status: "DRAFT" })).workshop.id }),
  "calendarAdmin.createVenue": async () => venueFields(),
  "calendarAdmin.updateVenue": async () => ({ venueId: (await createVenue(db)).id, ...venueFields() }),
  "calendarAdmin.deleteVenue": async () => ({ venueId: (await createVenue(db)).id }),
  "calendarAdmin.createLecturer": async () => lecturerFields(),
  "calendarAdmin.updateLecturer": async () => ({ lecturerId: (await createLecturer(db)).id, ...lecturerFields() }),
  "calendarAdmin.deleteLecturer": async () => ({ lecturerId: (await createLecturer(db)).id }),
  "sessionAdmin.createLecture": async () => ({ workshopId: (await futureWorkshop()).workshop.id, ...(await lectureFields()) }),
  "sessionAdmin.updateLecture": async () => {
    const lecture = await bookableLecture();
    return { workshopId: lecture.workshopId, lectureId: lecture.id, ...(await lectureFields()) };
  },
  "sessionAdmin.createGathering": async () => ({ workshopId: (await futureWorkshop()).workshop.id, ...(await gatheringFields()) }),
  "sessionAdmin.updateGathering": async () => {
    const { workshop, venue } = await futureWorkshop();
    const gathering = await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: FUTURE.gathering });
    return { workshopId: workshop.id, gatheringId: gathering.id, ...(await gatheringFields()) };
  },
  "sessionAdmin.publishSession": async () => {
    const lecture = await bookableLecture({ status: "DRAFT" });
    return { kind: "lecture", workshopId: lecture.workshopId, sessionId: lecture.id };
  },
  "sessionAdmin.cancelSession": async () => {
    const lecture = await bookableLecture();
    return { kind: "lecture", workshopId: lecture.workshopId, sessionId: lecture.id, note: "Föreläsaren är sjuk" };
  },
  "sessionAdmin.deleteSession": async () => {
    const { workshop, venue } = await futureWorkshop();
    const gathering = await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: FUTURE.gathering, status: "DRAFT" });
    return { kind: "gathering", workshopId: workshop.id, sessionId: gathering.id };
  },
  "preTraining.managerConfirm": async () => {
    // A third person's submitted form and the secret of its link (only the hash is stored).
    const booking = await packageBooking((await thirdPerson()).id);
    const token = newManagerToken();
    await db.preTrainingForm.create({
      data: {
        bookingId: booking.id,
        ...preTrainingAnswers(),
        agreedWithManager: true,
        submittedAt: new Date(),
        managerTokenHash: hashSecret(token),
      },
    });
    return { token };
  },
};

/**
 * Sessions far in the future, and a cancellation day before them that is also far away: the
 * fixtures stay bookable and cancellable whatever day the tests run.
 */
const FUTURE = {
  workshop: { startsOn: "2031-01-14", endsOn: "2031-06-10", pmDeadline: "2031-01-08", cancellationDeadline: "2030-12-31", followUpOn: "2031-12-09" },
  gathering: "2031-01-14",
  lecture: "2031-02-04",
};

/** The workshop form's fields (prices in kronor, as typed), with a new organiser and a slug of its own. */
async function workshopFields() {
  const organiser = await createOrganiser(db);
  const n = ++sequence;
  return {
    title: "Förbättringsverkstad", edition: "2031/32", slug: `matris-verkstad-${n}`, summary: "Ett halvår av lärande.", description: "Samlingar och föreläsningar.",
    organiserId: organiser.id, ...FUTURE.workshop, packageCapacity: "30", packagePriceMemberKr: "12 000", packagePriceNonMemberKr: "16 000",
    packageVatRateBp: "0", noPmPolicy: "KEEP_AS_PACKAGE", supervisionMonths: "5", holdMinutes: "30", waitlistOfferHours: "48", lateCancellationRefundPercent: "0",
  };
}

function venueFields() {
  return { name: "Stadshuset, sal 2", streetAddress: "Kungsgatan 55", postalCode: "50336", city: "Borås", accessibilityNotes: "Hiss finns.", mapUrl: "" };
}

function lecturerFields() {
  return { name: "Eva Ek", affiliation: "Högskolan i Borås", bio: "" };
}

/** A session form's fields: within FUTURE's workshop, a new venue. */
async function gatheringFields() {
  const venue = await createVenue(db);
  return { title: "Samling om mätning", description: "", venueId: venue.id, startDate: "2031-03-04", startTime: "09:00", endDate: "", endTime: "16:00", capacity: "40" };
}

async function lectureFields() {
  const lecturer = await createLecturer(db);
  return { ...(await gatheringFields()), title: "Ledarskap i förbättringsarbete", theme: "Ledarskap", lecturerId: lecturer.id, priceMember: "1 900", priceNonMember: "2400", vatRateBp: "0" };
}

/** A published workshop in the future, with its venue. */
async function futureWorkshop(options: { status?: "DRAFT" | "PUBLISHED" } = {}) {
  const organiser = await createOrganiser(db);
  const venue = await createVenue(db);
  const workshop = await createWorkshop(db, { organiserId: organiser.id, ...FUTURE.workshop, status: options.status ?? "PUBLISHED" });
  return { workshop, venue };
}

/** An order of one lecture placed by `person`, waiting for payment. */
async function pendingOrderOf(person: SessionUser) {
  const lecture = await bookableLecture();
  return bookSessions(person, bookSessionsInput.parse({ workshopId: lecture.workshopId, kind: "LECTURE", lectureIds: [lecture.id], idempotencyKey: randomUUID() }), new Date());
}

/** A third person's order paid by invoice (issued at once), with the invoice's id. */
async function thirdPersonsInvoice() {
  const person = await withOrganisation(await sessionUserOf((await thirdPerson()).id));
  const order = await pendingOrderOf(person);
  const paid = await payByInvoice(
    person,
    payByInvoiceInput.parse({
      orderId: order.orderId,
      buyerReference: "REF-1",
      recipient: { name: "Testkommun", orgNumber: "212000-1561", street: "Box 100", postalCode: "501 80", city: "Borås" },
    }),
    new Date(),
  );
  if (!paid.invoiceId) throw new Error("The fixture's invoice was not issued");
  return { invoiceId: paid.invoiceId, bookingId: order.bookingIds[0]! };
}

/** A published lecture in the future, in a published workshop. */
async function bookableLecture(options: { capacity?: number; status?: "DRAFT" | "PUBLISHED" } = {}) {
  const { workshop, venue } = await futureWorkshop();
  const lecturer = await createLecturer(db);
  return createLecture(db, {
    workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id, date: FUTURE.lecture, capacity: options.capacity ?? 50, status: options.status ?? "PUBLISHED",
  });
}

/** A bookable lecture whose only seat a third person holds (`blocker`). */
async function fullLecture() {
  const lecture = await bookableLecture({ capacity: 1 });
  const blocker = await createBooking(db, { kind: "LECTURE", workshopId: lecture.workshopId, lectureId: lecture.id, participantId: (await thirdPerson()).id });
  return { lecture, blocker };
}

/** A confirmed package booking of a workshop whose first gathering is still ahead (its pre-training form is open). */
async function packageBooking(participantId: string) {
  const { workshop, venue } = await futureWorkshop();
  await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: FUTURE.gathering });
  return createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId, status: "CONFIRMED" });
}

/** A package booking with an own project, of a workshop whose PM deadline (2031-01-08) is ahead. */
async function ownProjectBooking(participantId: string) {
  const { workshop, venue } = await futureWorkshop();
  await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: FUTURE.gathering });
  return createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId, status: "CONFIRMED", ownProject: true });
}

function pmTexts() {
  return {
    title: "Kortare väntetid till hemtjänst",
    need: "Nya brukare väntar i snitt tre veckor på första besöket.",
    backgroundPurpose: "Vi vill halvera väntetiden under våren.",
    method: "",
    workplace: "Hemtjänsten Norr",
    unit: "Äldreomsorg",
  };
}

function pmFile(): File {
  return new File([Buffer.from(minimalPdf())], "projektplan.pdf", { type: "application/pdf" });
}

/** A third person's submitted PM (one locked revision), waiting for review. */
async function submittedPm() {
  const participant = await thirdPerson();
  const booking = await ownProjectBooking(participant.id);
  const pm = await createProjectPm(db, { bookingId: booking.id, workshopId: booking.workshopId, participantId: participant.id, status: "SUBMITTED" });
  const revision = await db.projectPmRevision.findFirstOrThrow({ where: { pmId: pm.id }, select: { id: true } });
  return { pm, revisionId: revision.id };
}

/** A third person's accepted PM, without a supervisor yet. */
async function acceptedPm() {
  const participant = await thirdPerson();
  const booking = await ownProjectBooking(participant.id);
  const reviewer = await createUser(db, { roles: ["COORDINATOR"] });
  return createProjectPm(db, { bookingId: booking.id, workshopId: booking.workshopId, participantId: participant.id, status: "ACCEPTED", reviewerId: reviewer.id });
}

/**
 * A supervision of an accepted PM, supervised by `person` when they are a supervisor (their own),
 * otherwise by a new supervisor (someone else's, for coordination); it starts on `startsOn`.
 */
async function supervisionOf(person: SessionUser, startsOn = "2031-01-14") {
  const pm = await acceptedPm();
  const supervisorId = person.roles.includes("SUPERVISOR") ? person.id : (await createUser(db, { roles: ["SUPERVISOR"] })).id;
  const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
  return createSupervision(db, { pmId: pm.id, supervisorId, assignedById: coordinator.id, startsOn, endsOn: "2031-12-31" });
}

function preTrainingAnswers() {
  return {
    expectedGain: "Ett gemensamt sätt att mäta väntetider på enheten.",
    disseminationPlan: "Jag visar verktygen på två arbetsplatsträffar i vår.",
    managerName: "Maria Chef",
    managerEmail: `chef${++sequence}@kommun.test`,
    agreedWithManager: "on",
  };
}

/** Someone other than whoever is signed in. */
async function thirdPerson(organisationId?: string) {
  return createUser(db, { roles: ["PARTICIPANT"], organisationId });
}

async function sessionUserOf(id: string): Promise<SessionUser> {
  const user = await loadSessionUser(id);
  if (!user) throw new Error(`No session user ${id}`);
  return user;
}

/** An admin for fixture steps that need one (freeing a seat). */
async function staffMember(): Promise<SessionUser> {
  return sessionUserOf((await createUser(db, { roles: ["ADMIN"] })).id);
}

/**
 * Whose rows an input refers to: the signed-in person's own (a refused persona gets its own rows
 * too: the guard must refuse before ownership is looked at), or a third person's when signed out.
 * With `othersForStaff`, coordinators and admins get a third person's, since their role is what
 * lets them act on anyone's.
 */
async function owner(options: { othersForStaff?: boolean } = {}): Promise<SessionUser> {
  const signedIn = signedInUser();
  const user = signedIn ? await sessionUserOf(signedIn.id) : null;
  if (user && !(options.othersForStaff && can(user, "booking.manageAny"))) return user;
  return sessionUserOf((await thirdPerson()).id);
}

async function withOrganisation(person: SessionUser): Promise<SessionUser> {
  if (person.organisationId) return person;
  const organisation = await createOrganisation(db);
  await db.user.update({ where: { id: person.id }, data: { organisationId: organisation.id } });
  return sessionUserOf(person.id);
}

/** `person` on the waiting list of a full lecture, through the real use case; the entry's id. */
async function queueFor(person: SessionUser, lecture: { id: string; workshopId: string }): Promise<string> {
  const joined = await joinWaitlist(person, joinWaitlistInput.parse({ workshopId: lecture.workshopId, kind: "LECTURE", lectureId: lecture.id }), new Date());
  const entry = joined.entries[0];
  if (!entry || entry.status !== "WAITING") throw new Error("The fixture's waiting-list place was not made");
  return entry.id;
}

/** The request each route is called with: the path after the host, and the dynamic segments' values. */
type RouteCall = { path: string; headers?: Record<string, string>; body?: string; params?: Record<string, string | string[]> };
const ROUTE_CALLS: Record<string, () => RouteCall | Promise<RouteCall>> = {
  "GET /api/health": () => ({ path: "/api/health" }),
  "GET /api/auth/[...nextauth]": () => ({ path: "/api/auth/session", params: { nextauth: ["session"] } }),
  "POST /api/auth/[...nextauth]": () => ({
    path: "/api/auth/signin/email",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: `nextauth${++sequence}@kommun.test`, csrfToken: "x", callbackUrl: "/" }).toString(),
    params: { nextauth: ["signin", "email"] },
  }),
  "POST /api/bookings": async () => {
    const lecture = await bookableLecture();
    return {
      path: "/api/bookings",
      // From this deployment's own pages (the route refuses any other origin).
      headers: { origin: new URL(getEnv().APP_URL).origin, "content-type": "application/json" },
      body: JSON.stringify({ workshopId: lecture.workshopId, kind: "LECTURE", lectureIds: [lecture.id], idempotencyKey: randomUUID() }),
    };
  },
  "GET /api/invoices/[invoiceId]/pdf": async () => {
    const { invoiceId } = await thirdPersonsInvoice();
    return { path: `/api/invoices/${invoiceId}/pdf`, params: { invoiceId } };
  },
  "GET /api/invoices/[invoiceId]/ubl": async () => {
    const { invoiceId } = await thirdPersonsInvoice();
    return { path: `/api/invoices/${invoiceId}/ubl`, params: { invoiceId } };
  },
  "GET /api/credit-notes/[creditNoteId]/pdf": async () => {
    const creditNoteId = await thirdPersonsCreditNote();
    return { path: `/api/credit-notes/${creditNoteId}/pdf`, params: { creditNoteId } };
  },
  "GET /api/credit-notes/[creditNoteId]/ubl": async () => {
    const creditNoteId = await thirdPersonsCreditNote();
    return { path: `/api/credit-notes/${creditNoteId}/ubl`, params: { creditNoteId } };
  },
  "GET /api/payments/[paymentId]/receipt": async () => {
    const order = await pendingOrderOf(await sessionUserOf((await thirdPerson()).id));
    const payment = await db.payment.create({
      data: { orderId: order.orderId, amountOre: order.totalInclVatOre, status: "SUCCEEDED", paidAt: new Date(), stripePaymentIntentId: `pi_matrix_${++sequence}` },
    });
    return { path: `/api/payments/${payment.id}/receipt`, params: { paymentId: payment.id } };
  },
  "GET /api/admin/billing/export": () => ({ path: "/api/admin/billing/export?kind=orders&format=csv" }),
  "GET /api/pm-attachments/[attachmentId]": async () => {
    const participant = await sessionUserOf((await thirdPerson()).id);
    const booking = await ownProjectBooking(participant.id);
    await uploadPmAttachment(participant, { bookingId: booking.id, file: pmFile() }, { now: new Date() });
    const attachment = await db.pmAttachment.findFirstOrThrow({ where: { pm: { bookingId: booking.id } }, select: { id: true } });
    return { path: `/api/pm-attachments/${attachment.id}`, params: { attachmentId: attachment.id } };
  },
  "POST /api/stripe/webhook": () => {
    const payload = JSON.stringify(stripe.buildEvent("customer.created", { id: `cus_matrix_${++sequence}`, object: "customer" }));
    return { path: "/api/stripe/webhook", headers: { "content-type": "application/json", "stripe-signature": stripe.sign(payload) }, body: payload };
  },
  "GET /api/calendar/workshops/[slug]": async () => {
    const lecture = await bookableLecture();
    const { slug } = await db.workshop.findUniqueOrThrow({ where: { id: lecture.workshopId }, select: { slug: true } });
    return { path: `/api/calendar/workshops/${slug}`, params: { slug } };
  },
  "GET /api/calendar/feed/[token]": async () => {
    const person = await sessionUserOf((await thirdPerson()).id);
    const { url } = await createFeedToken(person, {}, new Date());
    const token = new URL(url).pathname.split("/").at(-1)!;
    return { path: `/api/calendar/feed/${token}`, params: { token } };
  },
  "GET /api/session-header": () => ({ path: "/api/session-header?locale=sv" }),
  "GET /api/exports/participants": async () => {
    const { workshop } = await futureWorkshop();
    return { path: `/api/exports/participants?scope=workshop&id=${workshop.id}&format=csv&lang=sv` };
  },
  "GET /api/calendar/bookings/[bookingId]": async () => {
    const booking = await lectureBookingOf((await thirdPerson()).id);
    return { path: `/api/calendar/bookings/${booking.id}`, params: { bookingId: booking.id } };
  },
};

/** A third person's confirmed booking of a published lecture that takes place today (attendance is open). */
async function startedLectureBooking() {
  const { workshop, venue } = await futureWorkshop();
  const lecturer = await createLecturer(db);
  const lecture = await createLecture(db, { workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id, date: toStockholmDate(new Date()), from: "00:00", to: "23:59" });
  const booking = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: (await thirdPerson()).id, status: "CONFIRMED" });
  return { lecture, booking };
}

/** A credit note for a third person's invoiced booking, cancelled in time by an admin. */
async function thirdPersonsCreditNote(): Promise<string> {
  const { invoiceId, bookingId } = await thirdPersonsInvoice();
  await cancelBooking(await staffMember(), cancelBookingInput.parse({ bookingId, reason: "" }), new Date());
  const note = await db.creditNote.findFirst({ where: { invoiceId }, select: { id: true } });
  if (!note) throw new Error("The fixture's credit note was not issued");
  return note.id;
}

/** An active lecture booking of `participantId`, booked by `bookedById` (themselves unless said). */
async function lectureBookingOf(participantId: string, bookedById?: string) {
  const lecture = await bookableLecture();
  return createBooking(db, { kind: "LECTURE", workshopId: lecture.workshopId, lectureId: lecture.id, participantId, bookedById });
}

const root = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

function isDefinedAction(value: unknown): value is DefinedAction<unknown> {
  return typeof value === "function" && typeof (value as { actionName?: unknown }).actionName === "string";
}

const actions = new Map<string, DefinedAction<unknown>>();
const routes = new Map<string, RouteHandler>();
/** Exports of app/_actions that are not defineAction actions, and names used twice. */
const strayExports: string[] = [];

async function discoverActions() {
  const dir = path.join(root, "app", "_actions");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) : [];
  for (const file of files.sort()) {
    const exported = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exported)) {
      if (!isDefinedAction(value)) {
        strayExports.push(`app/_actions/${file}: ${exportName} is not a defineAction action`);
      } else if (actions.has(value.actionName)) {
        strayExports.push(`app/_actions/${file}: ${exportName} reuses the name ${value.actionName}`);
      } else {
        actions.set(value.actionName, value);
      }
    }
  }
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

async function discoverRoutes() {
  for (const file of routeFiles(path.join(root, "app", "api")).sort()) {
    const segments = path
      .relative(path.join(root, "app"), path.dirname(file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment)); // route groups are not in the URL
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exported)) {
      if (HTTP_METHODS.has(exportName) && typeof value === "function") {
        routes.set(`${exportName} /${segments.join("/")}`, value as RouteHandler);
      }
    }
  }
}

let stripe: FakeStripe;

beforeAll(async () => {
  // Card checkout talks to Stripe: here the local fake, on a free port.
  stripe = await startTestStripe(() => new Date());
  await discoverActions();
  await discoverRoutes();
});

afterAll(async () => {
  await stripe.close();
});

async function personaUser(persona: Persona): Promise<User | null> {
  if (persona === "anonymous") return null;
  if (persona === "INCOMPLETE_PROFILE") return createPerson({ roles: ["PARTICIPANT"], profileComplete: false });
  return createPerson({ roles: [persona] });
}

function deniedCodes(persona: Persona): string[] {
  if (persona === "anonymous") return ["UNAUTHENTICATED"];
  // A role action refuses the role first; a user action refuses the missing profile.
  if (persona === "INCOMPLETE_PROFILE") return ["FORBIDDEN", "PROFILE_INCOMPLETE"];
  return ["FORBIDDEN"];
}

describe("the authorization matrix", () => {
  it("names every action and route handler, and nothing that does not exist", () => {
    expect(strayExports).toEqual([]);
    const discovered = [...actions.keys(), ...routes.keys()].sort();
    const missing = discovered.filter((name) => !(name in MATRIX));
    const unknown = Object.keys(MATRIX).filter((name) => !actions.has(name) && !routes.has(name));
    expect({ missingFromMatrix: missing, inMatrixButNotFound: unknown }).toEqual({ missingFromMatrix: [], inMatrixButNotFound: [] });
    expect(actions.size).toBeGreaterThan(0);
    expect(routes.size).toBeGreaterThan(0);
    for (const name of actions.keys()) expect(ACTION_INPUTS, `a valid input for ${name}`).toHaveProperty([name]);
    for (const name of routes.keys()) expect(ROUTE_CALLS, `a request for ${name}`).toHaveProperty([name]);
  });

  it("each action's permission gives exactly the roles its row allows", () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const [name, action] of actions) {
      if (action.access.kind !== "permission") continue;
      const verdicts = MATRIX[name];
      if (!verdicts) continue; // reported by the test above
      for (const persona of PERSONAS) {
        if (!isRoleName(persona)) continue;
        checked++;
        const table = can({ roles: [persona] }, action.access.permission) ? "allow" : "deny";
        if (table !== verdicts[persona]) disagreements.push(`${name} (${action.access.permission}) as ${persona}: table ${table}, matrix ${verdicts[persona]}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("reads the session afresh on every call (React's cache memoises only inside a request)", async () => {
    const { getSessionUser } = await import("@/lib/auth/session");
    const first = await createPerson({ roles: ["PARTICIPANT"] });
    const second = await createPerson({ roles: ["ADMIN"] });
    signInAs(first);
    expect((await getSessionUser())?.id).toBe(first.id);
    signInAs(second);
    expect(await getSessionUser()).toMatchObject({ id: second.id, roles: ["ADMIN"] });
    signInAs(null);
    expect(await getSessionUser()).toBeNull();
  });

  describe.each(Object.entries(MATRIX))("%s", (name, verdicts) => {
    it.each(PERSONAS.map((persona) => [persona, verdicts[persona]] as const))("%s: %s", async (persona, verdict) => {
      const action = actions.get(name);
      const route = routes.get(name);
      if (!action && !route) expect.fail(`${name} is in MATRIX but is neither an action nor a route handler`);

      signInAs(await personaUser(persona));

      if (action) {
        const makeInput = ACTION_INPUTS[name];
        if (!makeInput) return expect.fail(`ACTION_INPUTS has no valid input for ${name}`);
        const input = await makeInput();
        const before = await writeMarks();
        const outcome = await callAction(action, input);
        if (verdict === "deny") {
          expect(outcome.kind, `${name} as ${persona} must be refused, not redirected`).toBe("result");
          if (outcome.kind !== "result") return;
          expect(outcome.result.ok, `${name} as ${persona} must be refused`).toBe(false);
          if (!outcome.result.ok) expect(deniedCodes(persona)).toContain(outcome.result.code);
          expect(await writeMarks(), `${name} as ${persona} wrote rows although refused`).toEqual(before);
        } else if (outcome.kind === "result") {
          // Allowed: it succeeds (a failure here means the input factory no longer fits the action).
          expect(outcome.result, `${name} as ${persona}`).toMatchObject({ ok: true });
        }
        return;
      }

      const makeCall = ROUTE_CALLS[name];
      if (!route || !makeCall) return expect.fail(`ROUTE_CALLS has no request for ${name}`);
      const call = await makeCall();
      const method = name.split(" ")[0] ?? "GET";
      const request = new NextRequest(new URL(call.path, "http://localhost:3000"), { method, headers: call.headers, body: call.body });
      const before = await writeMarks();
      const response = await route(request, { params: Promise.resolve(call.params ?? {}) });
      if (verdict === "deny") {
        expect([401, 403, 404], `${name} as ${persona} answered ${response.status}`).toContain(response.status);
        expect(await writeMarks(), `${name} as ${persona} wrote rows although refused`).toEqual(before);
      } else {
        expect(response.status, `${name} as ${persona}`).toBeLessThan(400);
      }
    });
  });
});

describe("GET /api/calendar/bookings/[bookingId] for the booking's own people", () => {
  // The matrix calls it with a third person's booking (only staff get it); here the people the
  // booking belongs to, whatever their role: its participant and whoever booked it for them.
  it.each([
    ["its participant", "participant"],
    ["the orderer who booked it", "booker"],
  ] as const)("%s gets the file", async (_label, who) => {
    const route = routes.get("GET /api/calendar/bookings/[bookingId]");
    if (!route) return expect.fail("the calendar route was not discovered");
    const participant = await createPerson({ roles: ["PARTICIPANT"] });
    const booker = await createPerson({ roles: ["ORDERER"] });
    const booking = await lectureBookingOf(participant.id, booker.id);
    signInAs(who === "participant" ? participant : booker);
    const request = new NextRequest(new URL(`/api/calendar/bookings/${booking.id}`, "http://localhost:3000"));
    const response = await route(request, { params: Promise.resolve({ bookingId: booking.id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await response.text()).toContain("BEGIN:VCALENDAR");
  });
});
