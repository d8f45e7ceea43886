/**
 * The coordinators' list of PMs not yet submitted (missing or still a draft) and PM deadline
 * extensions against the database: who is listed and with which personal deadline, that a granted
 * extension shows up there and on the PM's page, that the queue's "not submitted" filter leaves the
 * queue empty, and that only coordinators see the list.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { grantExtensionAction } from "@/app/_actions/pm";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PmStatus, Role } from "@/lib/generated/prisma/enums";
import { getDeadlineExtension } from "@/lib/server/pm/get-deadline-extension";
import { grantExtension } from "@/lib/server/pm/grant-extension";
import { listPmsNotSubmitted, pmsNotSubmittedInput } from "@/lib/server/pm/list-pms-not-submitted";
import { listReviewQueue, reviewQueueInput } from "@/lib/server/pm/list-review-queue";
import sv from "@/messages/sv.json";
import { createBooking, createOrganisation, createOrganiser, createUser, createWorkshop } from "@/tests/factories";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2031-09-10T10:00:00Z");

beforeEach(() => signInAs(null));

async function person(roles: Role[], data: { name?: string; organisationId?: string } = {}): Promise<SessionUser> {
  const row = await createUser(db, { roles, ...data });
  const user = await loadSessionUser(row.id);
  if (!user) throw new Error("no user");
  return user;
}

async function workshop() {
  const organiser = await createOrganiser(db);
  return createWorkshop(db, { organiserId: organiser.id, startsOn: "2031-09-18", endsOn: "2032-03-10", pmDeadline: "2031-09-11", cancellationDeadline: "2031-09-01", followUpOn: "2032-09-01" });
}

/** An own-project package booking for a new participant, with a PM in `pm` (or none). */
async function participantWith(workshopId: string, pm: PmStatus | null, options: { name: string; organisationId?: string; ownProject?: boolean }) {
  const participant = await person(["PARTICIPANT"], { name: options.name, organisationId: options.organisationId });
  const booking = await createBooking(db, { kind: "PACKAGE", workshopId, participantId: participant.id, ownProject: options.ownProject ?? true });
  const row = pm
    ? await db.projectPm.create({
        data: { bookingId: booking.id, workshopId, participantId: participant.id, status: pm, title: "Kortare väntetid", submittedAt: pm === "DRAFT" ? null : new Date("2031-09-05T08:00:00Z") },
      })
    : null;
  return { participant, booking, pmId: row?.id ?? null };
}

describe("PMs not submitted", () => {
  it("lists drafts and missing PMs with the workshop's deadline, and not submitted PMs or bookings without an own project", async () => {
    const coordinator = await person(["COORDINATOR"]);
    const w = await workshop();
    const other = await workshop();
    const north = await createOrganisation(db, { name: "Region Norr" });
    const draft = await participantWith(w.id, "DRAFT", { name: "Anna Berg", organisationId: north.id });
    const missing = await participantWith(w.id, null, { name: "Bo Dahl" });
    for (const status of ["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const) {
      await participantWith(w.id, status, { name: `Submitted ${status}` });
    }
    await participantWith(w.id, null, { name: "Utan eget arbete", ownProject: false });
    const elsewhere = await participantWith(other.id, null, { name: "Cilla Ek" });

    const rows = await listPmsNotSubmitted(coordinator, pmsNotSubmittedInput.parse({ workshop: w.id }));
    expect(rows).toEqual([
      {
        bookingId: draft.booking.id,
        pmId: draft.pmId,
        participantName: "Anna Berg",
        organisationName: "Region Norr",
        workshopTitle: w.title,
        workshopDeadline: "2031-09-11",
        deadline: "2031-09-11",
        extension: null,
      },
      expect.objectContaining({ bookingId: missing.booking.id, pmId: null, participantName: "Bo Dahl", deadline: "2031-09-11", extension: null }),
    ]);

    const all = await listPmsNotSubmitted(coordinator, pmsNotSubmittedInput.parse({}));
    expect(all.map((r) => r.bookingId).sort()).toEqual([draft.booking.id, missing.booking.id, elsewhere.booking.id].sort());
    const byOrganisation = await listPmsNotSubmitted(coordinator, pmsNotSubmittedInput.parse({ organisation: north.id }));
    expect(byOrganisation.map((r) => r.bookingId)).toEqual([draft.booking.id]);
  });

  it("leaves out cancelled bookings", async () => {
    const coordinator = await person(["COORDINATOR"]);
    const w = await workshop();
    const participant = await person(["PARTICIPANT"]);
    await createBooking(db, { kind: "PACKAGE", workshopId: w.id, participantId: participant.id, ownProject: true, status: "CANCELLED" });
    expect(await listPmsNotSubmitted(coordinator, { workshop: w.id })).toEqual([]);
  });

  it("shows a granted extension as the person's deadline, sorted by deadline, and on the PM's page", async () => {
    const coordinator = await person(["COORDINATOR"]);
    const w = await workshop();
    const early = await participantWith(w.id, "DRAFT", { name: "Östen Ahl" });
    const late = await participantWith(w.id, null, { name: "Anna Berg" });

    await grantExtension(coordinator, { bookingId: late.booking.id, newDeadline: "2031-09-25", reason: "Sjukskriven två veckor" }, { now });
    await grantExtension(coordinator, { bookingId: early.booking.id, newDeadline: "2031-09-20", reason: "Bytt arbetsplats" }, { now });

    const rows = await listPmsNotSubmitted(coordinator, { workshop: w.id });
    expect(rows.map((r) => [r.participantName, r.deadline, r.workshopDeadline, r.extension])).toEqual([
      ["Östen Ahl", "2031-09-20", "2031-09-11", { newDeadline: "2031-09-20", reason: "Bytt arbetsplats" }],
      ["Anna Berg", "2031-09-25", "2031-09-11", { newDeadline: "2031-09-25", reason: "Sjukskriven två veckor" }],
    ]);
    expect(await getDeadlineExtension(coordinator, early.booking.id)).toEqual({ newDeadline: "2031-09-20", reason: "Bytt arbetsplats" });

    // Granting again replaces the day for that person only.
    await grantExtension(coordinator, { bookingId: early.booking.id, newDeadline: "2031-10-01", reason: "Mer tid behövs" }, { now });
    const again = await listPmsNotSubmitted(coordinator, { workshop: w.id });
    expect(again.map((r) => [r.participantName, r.deadline])).toEqual([
      ["Anna Berg", "2031-09-25"],
      ["Östen Ahl", "2031-10-01"],
    ]);
    expect(await getDeadlineExtension(coordinator, late.booking.id)).toEqual({ newDeadline: "2031-09-25", reason: "Sjukskriven två veckor" });
  });

  it("grants through the action with translated errors, and the list shows the new day", async () => {
    const coordinator = await person(["COORDINATOR"]);
    const w = await workshop();
    const missing = await participantWith(w.id, null, { name: "Bo Dahl" });
    signInAs(coordinator);

    const notLater = await callForResult(grantExtensionAction, { bookingId: missing.booking.id, newDeadline: "2031-09-11", reason: "Sjuk" });
    expect(notLater).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { newDeadline: [sv.errors.fields.extensionNotLater] } });
    const invalid = await callForResult(grantExtensionAction, { bookingId: missing.booking.id, newDeadline: "2031-02-30", reason: "" });
    expect(invalid).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { newDeadline: [sv.errors.fields.invalidDate], reason: [sv.errors.fields.required] } });
    expect(await getDeadlineExtension(coordinator, missing.booking.id)).toBeNull();

    const ok = await callForResult(grantExtensionAction, { bookingId: missing.booking.id, newDeadline: "2031-09-30", reason: "Sjuk" });
    expect(ok).toMatchObject({ ok: true, data: { newDeadline: "2031-09-30" } });
    const [row] = await listPmsNotSubmitted(coordinator, { workshop: w.id });
    expect(row).toMatchObject({ bookingId: missing.booking.id, deadline: "2031-09-30", extension: { newDeadline: "2031-09-30", reason: "Sjuk" } });
  });

  it("is for coordinators and admins only", async () => {
    const w = await workshop();
    const missing = await participantWith(w.id, null, { name: "Bo Dahl" });
    const participant = await person(["PARTICIPANT"]);
    const admin = await person(["ADMIN"]);
    await expect(listPmsNotSubmitted(participant, {})).rejects.toEqual(new AppError("FORBIDDEN"));
    await expect(getDeadlineExtension(participant, missing.booking.id)).rejects.toEqual(new AppError("FORBIDDEN"));
    expect((await listPmsNotSubmitted(admin, { workshop: w.id })).map((r) => r.bookingId)).toEqual([missing.booking.id]);
  });

  it("the queue's NOT_SUBMITTED filter is accepted and leaves the queue's rows empty but keeps its counts", async () => {
    const coordinator = await person(["COORDINATOR"]);
    const w = await workshop();
    await participantWith(w.id, "SUBMITTED", { name: "Anna Berg" });
    await participantWith(w.id, "DRAFT", { name: "Bo Dahl" });
    const queue = await listReviewQueue(coordinator, reviewQueueInput.parse({ status: "NOT_SUBMITTED", workshop: w.id }));
    expect(queue.rows).toEqual([]);
    expect(queue.counts.SUBMITTED).toBe(1);
    expect(queue.drafts).toBe(1);
    expect(reviewQueueInput.parse({}).status).toBe("SUBMITTED");
  });
});
